export * from './lib/webhook-secret';
export * from './lib/webhooks-api';
export type { TestDeliveryOutcome } from './lib/test-delivery';
export * from './lib/testing/webhook-fixtures';
