module.exports = {
  displayName: 'server-shares',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/shares',
};
