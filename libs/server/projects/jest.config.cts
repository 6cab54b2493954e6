module.exports = {
  displayName: 'server-projects',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/projects',
};
