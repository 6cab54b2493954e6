module.exports = {
  displayName: 'server-inventory',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/inventory',
};
