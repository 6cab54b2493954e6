import { WebhookDeliveryResponse, WebhookResponse } from '@model-inventory/contracts';

/** A webhook as the API lists it; override what a spec cares about. */
export function aWebhook(overrides: Partial<WebhookResponse> = {}): WebhookResponse {
  return {
    active: true,
    created_at: '2026-11-02T09:00:00Z',
    events: ['model_added', 'model_updated'],
    id: 1,
    secret_hint: 'x9Qz',
    updated_at: '2026-11-02T09:00:00Z',
    url: 'https://hooks.example.com/model-inventory',
    ...overrides,
  };
}

/** One delivery attempt as the API lists it; override what a spec cares about. */
export function aDelivery(overrides: Partial<WebhookDeliveryResponse> = {}): WebhookDeliveryResponse {
  return {
    attempt: 1,
    delivered_at: '2026-12-01T08:30:00Z',
    duration_ms: 42,
    error: null,
    event: 'model_updated',
    event_id: 10,
    event_uuid: '6f1c2f9e-1111-4b7a-9d3e-2a5b8c7d9e01',
    id: 1,
    response_code: 200,
    status: 'succeeded',
    webhook_id: 1,
    ...overrides,
  };
}
