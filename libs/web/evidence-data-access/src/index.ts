export * from './lib/evidence-api';
export * from './lib/evidence-list-store';
export * from './lib/evidence-list-view';
export * from './lib/upload-http';
export * from './lib/testing/evidence-fixtures';
