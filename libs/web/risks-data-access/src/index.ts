export * from './lib/risk-list-store';
export * from './lib/risk-list-view';
export * from './lib/risk-import';
export * from './lib/risks-api';
export * from './lib/testing/risk-fixtures';
