// Shared settings for `*.medium-spec.ts`: real PostgreSQL (a fresh database per run) and real Redis/BullMQ.
const { join, relative } = require('path');

const testing = join(__dirname, 'libs/server/testing/src/lib');

module.exports = function integrationConfig(rootDir, displayName) {
  return {
    displayName,
    rootDir,
    preset: relative(rootDir, join(__dirname, 'jest.preset.js')),
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.medium-spec.ts'],
    transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
    // @nestjs/bullmq 12 ships ESM only; let ts-jest turn it into CommonJS.
    transformIgnorePatterns: ['/node_modules/(?!(@nestjs/bullmq|@nestjs/bull-shared)/)'],
    moduleFileExtensions: ['ts', 'js'],
    globalSetup: join(testing, 'global-setup.ts'),
    globalTeardown: join(testing, 'global-teardown.ts'),
    testTimeout: 30_000,
    maxWorkers: 1,
  };
};
