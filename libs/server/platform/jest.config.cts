module.exports = {
  displayName: 'server-platform',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/platform',
};
