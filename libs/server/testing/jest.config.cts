module.exports = {
  displayName: 'server-testing',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/testing',
};
