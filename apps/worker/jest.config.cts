module.exports = {
  displayName: 'worker',
  preset: '../../jest.server.preset.js',
  coverageDirectory: '../../coverage/apps/worker',
};
