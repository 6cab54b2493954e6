module.exports = {
  displayName: 'server-evidence',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/evidence',
};
