// Test helpers for specs of this library and of the pages that host it (`@model-inventory/web-risks-feature/testing`).
export * from './lib/testing/risks-backend';
