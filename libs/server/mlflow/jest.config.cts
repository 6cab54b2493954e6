module.exports = {
  displayName: 'server-mlflow',
  preset: '../../../jest.server.preset.js',
  coverageDirectory: '../../../coverage/libs/server/mlflow',
};
