export * from './lib/organization-api';
export * from './lib/testing/organization-fixtures';
