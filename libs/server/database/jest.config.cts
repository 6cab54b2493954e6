module.exports = {
  displayName: 'server-database',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/database',
};
