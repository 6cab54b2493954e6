module.exports = {
  displayName: 'server-identity',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/identity',
};
