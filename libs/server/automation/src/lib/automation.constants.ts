/** Injection token for the base delay of the exponential retry backoff of deliveries (ms). */
export const WEBHOOK_RETRY_DELAY_MS = Symbol('WEBHOOK_RETRY_DELAY_MS');
export const DEFAULT_WEBHOOK_RETRY_DELAY_MS = 2_000;

/** 6 attempts with a 2 s base: retries after 2, 4, 8, 16 and 32 s. */
export const WEBHOOK_DELIVERY_ATTEMPTS = 6;
export const WEBHOOK_TIMEOUT_MS = 10_000;
export const WEBHOOK_USER_AGENT = 'ModelInventory-Webhooks/1';

export const OUTBOX_SWEEP_BATCH = 500;

/** Bounds how long `dispatch()` can hold up a request when the queue is unreachable. */
export const DISPATCH_ENQUEUE_TIMEOUT_MS = 2_000;
