module.exports = {
  displayName: 'server-history',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/history',
};
