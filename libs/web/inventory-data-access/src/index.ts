export * from './lib/model-inventory-api';
export * from './lib/model-list-prefetch';
export * from './lib/model-list-store';
export * from './lib/model-list-view';
export * from './lib/reference-data-api';
export * from './lib/testing/model-fixtures';
