// Test helpers for specs of the console's libraries (`@model-inventory/web-core/testing`); never imported by app code.
export * from './lib/testing/session-fixture';
