export * from './lib/api-tokens-api';
export * from './lib/audit-events-api';
export * from './lib/security-log-store';
export * from './lib/security-log-view';
export * from './lib/testing/security-fixtures';
