import { UnrecoverableError } from 'bullmq';
import { AutomationEventsRepository } from '../automation-events.repository';
import { EventRegistry } from '../event-registry';
import { AutomationEventEntity } from '../entities/automation-event.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository';
import { WebhookSecrets } from '../webhook-secrets';
import { WebhooksRepository } from '../webhooks.repository';
import { WebhookDeliverer } from './webhook-deliverer.service';
import { WebhookSender } from './webhook-sender';

describe(WebhookDeliverer.name, () => {
  const event = { id: 5, uuid: '6f0c2d4e-1b7a-4c1e-9d3f-2a5b8c7d9e05', organization_id: 1, event: 'model_added', payload: { model: {} }, occurred_at: new Date(), dispatched_at: new Date() } as AutomationEventEntity;
  const webhook = { id: 9, organization_id: 1, url: 'https://hooks.example.com', events: ['model_added'], secret: 'sixteen-char-key', active: true } as WebhookEntity;

  let events: jest.Mocked<Pick<AutomationEventsRepository, 'findByUuid'>>;
  let webhooks: jest.Mocked<Pick<WebhooksRepository, 'findInOrganization'>>;
  let deliveries: jest.Mocked<Pick<WebhookDeliveriesRepository, 'hasSucceeded' | 'insert'>>;
  let sender: jest.Mocked<Pick<WebhookSender, 'post'>>;
  let sut: WebhookDeliverer;

  beforeEach(() => {
    events = { findByUuid: jest.fn().mockResolvedValue(event) };
    webhooks = { findInOrganization: jest.fn().mockResolvedValue(webhook) };
    deliveries = { hasSucceeded: jest.fn().mockResolvedValue(false), insert: jest.fn().mockResolvedValue(undefined) };
    sender = { post: jest.fn() };
    const registry = new EventRegistry();
    registry.register({ name: 'model_added', present: (stored) => ({ model: { presented: true, ...(stored['model'] as object) } }) });
    const secrets = { open: (w: WebhookEntity) => w.secret as string } as unknown as WebhookSecrets;
    sut = new WebhookDeliverer(deliveries as unknown as WebhookDeliveriesRepository, events as unknown as AutomationEventsRepository, registry, sender as unknown as WebhookSender, webhooks as unknown as WebhooksRepository, secrets);
  });

  const job = { event_uuid: event.uuid, webhook_id: 9 };

  it('records a 2xx as a successful attempt', async () => {
    sender.post.mockResolvedValue({ status: 204, error: null, durationMs: 12 });
    await expect(sut.deliver(job, 1)).resolves.toEqual({ status: 204 });
    expect(webhooks.findInOrganization).toHaveBeenCalledWith(9, 1);
    const sent = JSON.parse(new TextDecoder().decode(sender.post.mock.calls[0][1].body));
    expect(sent).toMatchObject({ id: event.uuid, event: 'model_added', data: { model: { presented: true } } });
    expect(deliveries.insert).toHaveBeenCalledWith({ webhook_id: 9, event_id: 5, attempt: 1, status: 'succeeded', response_code: 204, error: null, duration_ms: 12 });
  });

  it('records a 5xx and throws a retryable error', async () => {
    sender.post.mockResolvedValue({ status: 503, error: 'HTTP 503 Service Unavailable', durationMs: 3 });
    const failure = sut.deliver(job, 2);
    await expect(failure).rejects.toThrow('attempt 2');
    await expect(failure).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(deliveries.insert).toHaveBeenCalledWith(expect.objectContaining({ attempt: 2, status: 'failed', response_code: 503, error: 'HTTP 503 Service Unavailable' }));
  });

  it('records a network error without a response code and retries', async () => {
    sender.post.mockResolvedValue({ status: null, error: 'fetch failed: ECONNREFUSED', durationMs: 1 });
    await expect(sut.deliver(job, 1)).rejects.not.toBeInstanceOf(UnrecoverableError);
    expect(deliveries.insert).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', response_code: null }));
  });

  it('gives up without retrying when the receiver rejects the request (4xx)', async () => {
    sender.post.mockResolvedValue({ status: 410, error: 'HTTP 410 Gone', durationMs: 3 });
    await expect(sut.deliver(job, 1)).rejects.toBeInstanceOf(UnrecoverableError);
    expect(deliveries.insert).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', response_code: 410 }));
  });

  it.each([
    ['deleted', null],
    ['deactivated', { ...webhook, active: false }],
    ['unsubscribed from the event', { ...webhook, events: ['model_deleted'] }],
  ])('completes without sending when the webhook was %s meanwhile', async (_, current) => {
    webhooks.findInOrganization.mockResolvedValue(current as WebhookEntity | null);
    await expect(sut.deliver(job, 1)).resolves.toMatchObject({ skipped: expect.any(String) });
    expect(sender.post).not.toHaveBeenCalled();
    expect(deliveries.insert).not.toHaveBeenCalled();
  });

  it('does not send again what was already delivered', async () => {
    deliveries.hasSucceeded.mockResolvedValue(true);
    await expect(sut.deliver(job, 1)).resolves.toMatchObject({ skipped: 'already delivered' });
    expect(sender.post).not.toHaveBeenCalled();
  });

  it('completes without sending when the event is gone', async () => {
    events.findByUuid.mockResolvedValue(null);
    await expect(sut.deliver(job, 1)).resolves.toMatchObject({ skipped: expect.any(String) });
    expect(webhooks.findInOrganization).not.toHaveBeenCalled();
  });
});
