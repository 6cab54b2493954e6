export * from './lib/automation.module';
export * from './lib/automation-events';
export { DEFAULT_WEBHOOK_RETRY_DELAY_MS, WEBHOOK_RETRY_DELAY_MS } from './lib/automation.constants';
export * from './lib/webhook-signature';
export { WEBHOOK_EVENT_HEADER, WEBHOOK_ID_HEADER } from './lib/worker/webhook-request';
export * from './lib/entities/automation-event.entity';
export * from './lib/entities/webhook.entity';
export * from './lib/entities/webhook-delivery.entity';
