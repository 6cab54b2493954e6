module.exports = {
  displayName: 'server-risks',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/risks',
};
