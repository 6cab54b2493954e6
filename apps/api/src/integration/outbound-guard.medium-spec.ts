import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { WebhookDeliveryResponse } from '@model-inventory/contracts';
import { AutomationModule, AutomationWorkerModule } from '@model-inventory/server-automation';
import { QueueName } from '@model-inventory/server-core';
import { HistoryModule, HistoryWorkerModule } from '@model-inventory/server-history';
import { InventoryModule } from '@model-inventory/server-inventory';
import { createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { aModel } from './inventory-fixtures';
import { startReceiver, waitFor } from './webhook-fixtures';

describe('outbound requests: the server does not become a proxy into its own network', () => {
  const queuePrefix = `outbound-${randomBytes(4).toString('hex')}`;
  // The API that took the webhook ran with private addresses allowed; the worker that delivers does not allow them.
  const strict = testAppConfig({ QUEUE_PREFIX: queuePrefix, OUTBOUND_ALLOW_PRIVATE: 'false' });
  const lenient = testAppConfig({ QUEUE_PREFIX: queuePrefix, OUTBOUND_ALLOW_PRIVATE: 'true', JWT_SECRET: strict.auth.jwtSecret });
  let strictApi: NestExpressApplication;
  let lenientApi: NestExpressApplication;
  let worker: INestApplicationContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: TestSession;

  beforeAll(async () => {
    strictApi = await createTestApp([AutomationModule, HistoryModule, InventoryModule], strict);
    lenientApi = await createTestApp([AutomationModule, HistoryModule, InventoryModule], lenient);
    worker = await createTestWorker([AutomationWorkerModule, HistoryWorkerModule], strict);
    receiver = await startReceiver();
    admin = await registerOrganization(strictApi);
  });

  afterAll(async () => {
    await worker?.close();
    await strictApi?.get<Queue>(getQueueToken(QueueName.automation)).obliterate({ force: true });
    await strictApi?.close();
    await lenientApi?.close();
    await receiver?.close();
  });

  const hook = (url: string) => ({ url, events: ['model_added'], secret: 'sixteen-chars-secret' });

  it.each(['http://169.254.169.254/latest/meta-data/iam/', 'http://[::ffff:169.254.169.254]/', 'http://[fe80::1]:8080/hook'])(
    'refuses a webhook at the cloud metadata or link-local address %s with a 400 naming url, whatever the configuration',
    async (url) => {
      for (const api of [strictApi, lenientApi]) {
        const { body } = await request(api.getHttpServer()).post('/api/webhooks').set(admin.auth).send(hook(url)).expect(400);
        expect(body.errors).toEqual([{ field: 'url', message: expect.stringMatching(/^url must not point at .*link-local or cloud metadata address/) }]);
      }
    },
  );

  it('refuses loopback and private receivers unless OUTBOUND_ALLOW_PRIVATE is on', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://localhost:9/hook', 'http://10.0.0.5/hook', 'http://[::1]/hook']) {
      const { body } = await request(strictApi.getHttpServer()).post('/api/webhooks').set(admin.auth).send(hook(url)).expect(400);
      expect(body.errors[0]).toEqual({ field: 'url', message: expect.stringContaining('OUTBOUND_ALLOW_PRIVATE=true') });
    }
    const { body: webhooks } = await request(strictApi.getHttpServer()).get('/api/webhooks').set(admin.auth).expect(200);
    expect(webhooks.total).toBe(0);
  });

  it('checks again at delivery: a receiver the worker may not call is refused once, recorded, and never retried', async () => {
    const { body: webhook } = await request(lenientApi.getHttpServer()).post('/api/webhooks').set(admin.auth).send(hook(receiver.url('/private'))).expect(201);
    await request(strictApi.getHttpServer()).post('/api/modelInventory').set(admin.auth).send(aModel()).expect(201);

    const deliveries = () =>
      request(strictApi.getHttpServer())
        .get(`/api/webhooks/${webhook.id}/deliveries`)
        .set(admin.auth)
        .then((response) => response.body.items as WebhookDeliveryResponse[]);
    const attempts = await waitFor(deliveries, (items) => items.length > 0);
    await sleep(1500); // room for a retry that must not come
    expect(await deliveries()).toEqual([expect.objectContaining({ attempt: 1, status: 'failed', response_code: null, error: expect.stringMatching(/^Refused: 127\.0\.0\.1 is a loopback or private address/) })]);
    expect(attempts).toHaveLength(1);
    expect(receiver.at('/private')).toEqual([]);
  });

  it('holds a test delivery to the same rule: refused, recorded, never retried, nothing sent', async () => {
    const { body: webhook } = await request(lenientApi.getHttpServer()).post('/api/webhooks').set(admin.auth).send(hook(receiver.url('/private-ping'))).expect(201);
    const { body: queued } = await request(strictApi.getHttpServer()).post(`/api/webhooks/${webhook.id}/test`).set(admin.auth).expect(202);

    const deliveries = () =>
      request(strictApi.getHttpServer())
        .get(`/api/webhooks/${webhook.id}/deliveries`)
        .set(admin.auth)
        .then((response) => response.body.items as WebhookDeliveryResponse[]);
    await waitFor(deliveries, (items) => items.length > 0);
    await sleep(1500); // room for a retry that must not come
    expect(await deliveries()).toEqual([
      expect.objectContaining({ event: 'webhook_test', event_uuid: queued.event_uuid, attempt: 1, status: 'failed', response_code: null, error: expect.stringMatching(/^Refused: 127\.0\.0\.1 is a loopback or private address/) }),
    ]);
    expect(receiver.at('/private-ping')).toEqual([]);
  });
});
