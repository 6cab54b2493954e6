// HTTP e2e: the built API and worker run as real processes (tools/testing/e2e-stack.mjs) against a fresh
// database; tests talk to them over HTTP only. Build first: npx nx run-many -t build -p api worker.
module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // @nestjs/bullmq 12 ships ESM only (the deployment spec reads the configuration's variables from server-testing).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/bullmq|@nestjs/bull-shared)/)'],
  moduleFileExtensions: ['ts', 'js'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 1,
};
