import { WebhookEntity } from './entities/webhook.entity';
import { normaliseEvents, toWebhookResponse } from './webhooks.mapper';

describe(toWebhookResponse.name, () => {
  const webhook = Object.assign(new WebhookEntity(), {
    id: 1,
    organization_id: 2,
    url: 'https://hooks.example.com/x',
    events: ['model_deleted', 'model_added'],
    secret: null,
    secret_sealed: 'v1:aXY=:dGFn:Y2lwaGVy',
    secret_hint: 'XyZ9',
    active: true,
    created_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date('2026-01-02T00:00:00Z'),
  });

  it('never exposes the secret, sealed or not, only its last four characters', () => {
    const response = toWebhookResponse(webhook);
    expect(response.secret_hint).toBe('XyZ9');
    expect(JSON.stringify(response)).not.toContain('v1:');
    expect(response).not.toHaveProperty('secret');
    expect(response).not.toHaveProperty('secret_sealed');
  });

  it('lists events in their canonical order', () => {
    expect(toWebhookResponse(webhook).events).toEqual(['model_added', 'model_deleted']);
  });
});

describe(normaliseEvents.name, () => {
  it('orders and deduplicates', () => {
    expect(normaliseEvents(['model_deleted', 'model_updated', 'model_deleted'])).toEqual(['model_updated', 'model_deleted']);
  });
});
