const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Component specs drive whole dialogs and pages through Material harnesses in jsdom; on a busy two-core machine
  // (the whole suite runs in parallel in CI) Jest's default 5 s is too tight for them. A test that hangs still fails.
  testTimeout: 20_000,
};
