// Shared by the unit tests of every Node project (apps/api, apps/worker, libs/server/*).
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/bullmq 12 ships ESM only; let ts-jest turn it into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/bullmq|@nestjs/bull-shared)/)'],
  moduleFileExtensions: ['ts', 'js'],
};
