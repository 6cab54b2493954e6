import { createHmac } from 'node:crypto';
import { AutomationEventEntity } from '../entities/automation-event.entity';
import { buildWebhookRequest } from './webhook-request';

describe(buildWebhookRequest.name, () => {
  const event = Object.assign(new AutomationEventEntity(), {
    id: 42,
    uuid: '6f0c2d4e-1b7a-4c1e-9d3f-2a5b8c7d9e01',
    organization_id: 7,
    event: 'model_updated',
    payload: { model: { id: 3, name: 'Modèle ✓' }, changes: [{ field_name: 'status', old_value: 'Pending', new_value: 'Approved' }] },
    occurred_at: new Date('2026-01-02T03:04:05.000Z'),
    dispatched_at: null,
  } satisfies AutomationEventEntity);

  const data = { model: { id: 3, name: 'Modèle ✓' } };
  const sut = buildWebhookRequest(event, data, 'sixteen-char-key');
  const text = new TextDecoder().decode(sut.body);

  it('sends the documented envelope around the data its domain presented', () => {
    expect(JSON.parse(text)).toEqual({ id: '6f0c2d4e-1b7a-4c1e-9d3f-2a5b8c7d9e01', event: 'model_updated', occurred_at: '2026-01-02T03:04:05.000Z', organization_id: 7, data });
  });

  it('signs the exact bytes it sends and names the event in headers', () => {
    expect(sut.headers).toEqual({
      'Content-Type': 'application/json',
      'User-Agent': 'ModelInventory-Webhooks/1',
      'X-Webhook-Event': 'model_updated',
      'X-Webhook-Id': '6f0c2d4e-1b7a-4c1e-9d3f-2a5b8c7d9e01',
      'X-Webhook-Signature': `sha256=${createHmac('sha256', 'sixteen-char-key').update(sut.body).digest('hex')}`,
    });
  });
});
