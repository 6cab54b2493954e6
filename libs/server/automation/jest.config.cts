module.exports = {
  displayName: 'server-automation',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/automation',
};
