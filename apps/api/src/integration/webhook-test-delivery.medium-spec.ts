import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Role, WebhookDeliveryResponse, WebhookPayload, WebhookTestData } from '@model-inventory/contracts';
import { AutomationModule, AutomationWorkerModule, verifySignature, WEBHOOK_RETRY_DELAY_MS } from '@model-inventory/server-automation';
import { QueueName } from '@model-inventory/server-core';
import { addUser, createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startReceiver, waitFor } from './webhook-fixtures';

describe('webhook test delivery (real PostgreSQL, BullMQ and HTTP)', () => {
  const config = testAppConfig({ QUEUE_PREFIX: `ping-${randomBytes(4).toString('hex')}` });
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    api = await createTestApp([AutomationModule], config);
    worker = await createTestWorker([AutomationWorkerModule], config, (builder) => builder.overrideProvider(WEBHOOK_RETRY_DELAY_MS).useValue(100));
    receiver = await startReceiver();
    [acme, globex] = await Promise.all([registerOrganization(api), registerOrganization(api)]);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.get<Queue>(getQueueToken(QueueName.automation)).obliterate({ force: true });
    await api?.close();
    await receiver?.close();
  });

  const http = () => request(api.getHttpServer());
  const secret = 'ping-secret-0123456789';

  async function newWebhook(path: string, overrides: Record<string, unknown> = {}): Promise<number> {
    const body = { url: receiver.url(path), events: ['model_deleted'], secret, ...overrides };
    return (await http().post('/api/webhooks').set(acme.auth).send(body).expect(201)).body.id;
  }
  const deliveries = async (id: number): Promise<WebhookDeliveryResponse[]> => (await http().get(`/api/webhooks/${id}/deliveries`).set(acme.auth).expect(200)).body.items;

  it('sends a signed ping that the delivery log then shows with its status code, even to an inactive webhook', async () => {
    const id = await newWebhook('/ping', { active: false });
    const { body: queued } = await http().post(`/api/webhooks/${id}/test`).set(acme.auth).expect(202);
    expect(queued).toEqual({ webhook_id: id, event: 'webhook_test', event_uuid: expect.any(String), queued_at: expect.any(String) });

    const [arrived] = await waitFor(() => receiver.at('/ping'), (r) => r.length > 0);
    expect(arrived.headers['x-webhook-event']).toBe('webhook_test');
    expect(arrived.headers['x-webhook-id']).toBe(queued.event_uuid);
    expect(verifySignature(secret, arrived.body, arrived.headers['x-webhook-signature'] as string)).toBe(true);
    const envelope = JSON.parse(arrived.body.toString()) as WebhookPayload;
    expect(envelope).toMatchObject({ id: queued.event_uuid, event: 'webhook_test', organization_id: acme.organizationId });
    expect((envelope.data as unknown as WebhookTestData).webhook).toEqual({ id, url: receiver.url('/ping') });

    const log = await waitFor(() => deliveries(id), (rows) => rows.length > 0);
    expect(log).toEqual([expect.objectContaining({ event: 'webhook_test', event_uuid: queued.event_uuid, attempt: 1, status: 'succeeded', response_code: 200 })]);
  });

  it('retries a failing receiver and logs every attempt', async () => {
    const id = await newWebhook('/flaky');
    receiver.failNext('/flaky', 1);
    const { body: queued } = await http().post(`/api/webhooks/${id}/test`).set(acme.auth).expect(202);
    const log = await waitFor(() => deliveries(id), (rows) => rows.some((row) => row.status === 'succeeded'));
    expect(log.map(({ attempt, status, response_code, event_uuid }) => ({ attempt, status, response_code, event_uuid }))).toEqual([
      { attempt: 2, status: 'succeeded', response_code: 200, event_uuid: queued.event_uuid },
      { attempt: 1, status: 'failed', response_code: 503, event_uuid: queued.event_uuid },
    ]);
  });

  it('gives another organisation 404, an Editor or Auditor 403, and sends nothing for them', async () => {
    const id = await newWebhook('/guarded');
    const [editor, auditor] = await Promise.all([addUser(api, acme, Role.Editor), addUser(api, acme, Role.Auditor)]);
    await http().post(`/api/webhooks/${id}/test`).set(globex.auth).expect(404);
    for (const session of [editor, auditor]) await http().post(`/api/webhooks/${id}/test`).set(session.auth).expect(403);
    await http().post('/api/webhooks/2147483000/test').set(acme.auth).expect(404);
    expect(receiver.at('/guarded')).toEqual([]);
    expect(await deliveries(id)).toEqual([]);
  });

  it('records the test in the security log', async () => {
    const id = await newWebhook('/audited');
    const { body: queued } = await http().post(`/api/webhooks/${id}/test`).set(acme.auth).expect(202);
    const { body } = await http().get('/api/audit-events?action=webhook.tested').set(acme.auth).expect(200);
    expect(body.items).toContainEqual(expect.objectContaining({ action: 'webhook.tested', target_type: 'webhook', target_id: String(id), details: expect.objectContaining({ event_uuid: queued.event_uuid }) }));
  });
});
