import { WebhookEntity } from './entities/webhook.entity';
import { normaliseEvents, toWebhookResponse } from './webhooks.mapper';

describe(toWebhookResponse.name, () => {
  const webhook = Object.assign(new WebhookEntity(), {
    id: 1,
    organization_id: 2,
    url: 'https://hooks.example.com/x',
    events: ['model_deleted', 'model_added'],
    secret: 'a-very-secret-value-XyZ9',
    active: true,
    created_at: new Date('2026-01-01T00:00:00Z'),
    updated_at: new Date('2026-01-02T00:00:00Z'),
  });

  it('never exposes the secret, only its last four characters', () => {
    const response = toWebhookResponse(webhook);
    expect(response.secret_hint).toBe('XyZ9');
    expect(JSON.stringify(response)).not.toContain(webhook.secret);
    expect(response).not.toHaveProperty('secret');
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
