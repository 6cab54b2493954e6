export * from './lib/public-share-api';
export * from './lib/shares-api';
export * from './lib/testing/share-fixtures';
