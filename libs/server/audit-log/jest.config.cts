module.exports = {
  displayName: 'server-audit-log',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/audit-log',
};
