// Test helpers for specs of this library and of the pages that host it (`@model-inventory/web-models-feature/testing`).
export * from './lib/testing/inventory-backend';
