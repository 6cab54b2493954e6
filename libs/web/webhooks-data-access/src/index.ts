export * from './lib/webhook-secret';
export * from './lib/webhooks-api';
export * from './lib/testing/webhook-fixtures';
