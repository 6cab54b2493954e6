import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AUTOMATION_EVENTS, AutomationEvent, Role, WebhookDeliveryResponse, WebhookPayload, WebhookResponse } from '@model-inventory/contracts';
import { AutomationEvents, AutomationModule, AutomationWorkerModule, EventDefinition, EventRegistry, WEBHOOK_RETRY_DELAY_MS, WebhookSecrets } from '@model-inventory/server-automation';
import { AutomationJob, OUTBOX_SWEEP_SCHEDULER_ID, QueueName, SecretBox, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { addUser, createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { createHmac, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource, EntityManager } from 'typeorm';
import { startReceiver, waitFor } from './webhook-fixtures';

const RETRY_DELAY_MS = 200;

/** These tests stand in for a domain: their events are sent as stored (the domain modules present theirs). */
const AS_STORED: EventDefinition[] = AUTOMATION_EVENTS.map((name) => ({ name, present: (stored) => stored as WebhookPayload['data'] }));

async function startWorker(config = testAppConfig()): Promise<INestApplicationContext> {
  const worker = await createTestWorker([AutomationWorkerModule], config, (builder) => builder.overrideProvider(WEBHOOK_RETRY_DELAY_MS).useValue(RETRY_DELAY_MS));
  worker.get(EventRegistry).register(...AS_STORED);
  return worker;
}

const unique = () => randomBytes(4).toString('hex');

describe('webhooks and automation events (real PostgreSQL, BullMQ and HTTP)', () => {
  const config = testAppConfig();
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    api = await createTestApp([AutomationModule], config);
    api.get(EventRegistry).register(...AS_STORED);
    worker = await startWorker(config);
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
  const secret = () => `secret-${randomBytes(12).toString('hex')}`;

  async function newWebhook(session: TestSession, path: string, events: AutomationEvent[] = [...AUTOMATION_EVENTS], key = secret()) {
    const { body } = await http().post('/api/webhooks').set(session.auth).send({ url: receiver.url(path), events, secret: key }).expect(201);
    return { webhook: body as WebhookResponse, secret: key };
  }

  /** The outbox row of one write, recorded in `manager`'s transaction the way the audited write does; returns its UUID. */
  async function recordEvent(manager: EntityManager, session: TestSession, event: AutomationEvent, model: Record<string, unknown>): Promise<string> {
    const statement = new WriteStatement(session.organizationId);
    const written = statement.part('written', sql`SELECT ${TENANT}::int AS organization_id`, 'tenant');
    const recorded = api.get(AutomationEvents).addTo(statement, written, { event, payloadKey: 'model', rowExtras: model });
    const { text, values } = statement.build(sql`SELECT uuid FROM ${recorded.part}`);
    const [row] = await manager.query(text, values);
    return row.uuid;
  }

  /** What the audited write does: record inside the write, dispatch after commit. Returns the event's UUID, the envelope's `id`. */
  async function commitEvent(session: TestSession, event: AutomationEvent, model: Record<string, unknown> = { id: 1, name: 'Fraud scorer' }): Promise<string> {
    const uuid = await api.get(DataSource).transaction((manager) => recordEvent(manager, session, event, model));
    await api.get(AutomationEvents).dispatch([uuid]);
    return uuid;
  }

  /** The model as the envelope carries it: the written row (here only its organisation) with the test's fields. */
  const sentModel = (session: TestSession, model: Record<string, unknown>) => ({ organization_id: session.organizationId, ...model });

  const deliveries = async (session: TestSession, webhookId: number): Promise<WebhookDeliveryResponse[]> =>
    (await http().get(`/api/webhooks/${webhookId}/deliveries`).set(session.auth).expect(200)).body.items;
  const idsAt = (path: string) => receiver.at(path).map((r) => r.headers['x-webhook-id']);

  describe('the webhooks API', () => {
    it('creates, reads, updates and deletes a webhook without ever returning its secret', async () => {
      const key = 'whsec-0123456789-ABCD';
      const created = await http().post('/api/webhooks').set(acme.auth).send({ url: 'https://hooks.example.com/mi', events: ['model_deleted', 'model_added'], secret: key }).expect(201);
      expect(created.body).toEqual({
        id: expect.any(Number),
        url: 'https://hooks.example.com/mi',
        events: ['model_added', 'model_deleted'],
        active: true,
        secret_hint: 'ABCD',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const id = created.body.id;
      const updated = await http().patch(`/api/webhooks/${id}`).set(acme.auth).send({ active: false, secret: 'another-secret-WXYZ', events: ['model_updated'] }).expect(200);
      expect(updated.body).toMatchObject({ active: false, secret_hint: 'WXYZ', events: ['model_updated'], url: 'https://hooks.example.com/mi' });
      const read = await http().get(`/api/webhooks/${id}`).set(acme.auth).expect(200);
      const list = await http().get('/api/webhooks').set(acme.auth).expect(200);
      expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0, items: [read.body] });
      for (const body of [created.text, updated.text, read.text, list.text]) expect(body).not.toMatch(/"secret"|whsec-0123456789|another-secret/);
      await http().delete(`/api/webhooks/${id}`).set(acme.auth).expect(204);
      await http().get(`/api/webhooks/${id}`).set(acme.auth).expect(404);
    });

    it('stores the secret sealed with SECRETS_KEY, never in clear, and seals one an earlier version stored in clear', async () => {
      const key = `whsec-${randomBytes(12).toString('hex')}`;
      const { body } = await http().post('/api/webhooks').set(acme.auth).send({ url: 'https://hooks.example.com/sealed', events: ['model_added'], secret: key }).expect(201);
      const db = api.get(DataSource);
      const [stored] = await db.query(`SELECT secret, secret_sealed, secret_hint FROM webhooks WHERE id = $1`, [body.id]);
      expect(stored.secret).toBeNull();
      expect(stored.secret_sealed).toMatch(/^v1:/);
      expect(stored.secret_sealed).not.toContain(key);
      expect(stored.secret_hint).toBe(key.slice(-4));
      expect(api.get(SecretBox).open(stored.secret_sealed)).toBe(key);

      await db.query(`UPDATE webhooks SET secret = 'legacy-clear-secret', secret_sealed = NULL WHERE id = $1`, [body.id]);
      await api.get(WebhookSecrets).sealLegacy();
      const [sealed] = await db.query(`SELECT secret, secret_sealed FROM webhooks WHERE id = $1`, [body.id]);
      expect(sealed.secret).toBeNull();
      expect(api.get(SecretBox).open(sealed.secret_sealed)).toBe('legacy-clear-secret');
      await http().delete(`/api/webhooks/${body.id}`).set(acme.auth).expect(204);
    });

    it.each([
      ['url', { url: 'not a url' }],
      ['url', { url: 'ftp://hooks.example.com/x' }],
      ['url', { url: `https://hooks.example.com/${'x'.repeat(2048)}` }],
      ['events', { events: [] }],
      ['events', { events: ['model_exploded'] }],
      ['events', { events: ['model_added', 'model_added'] }],
      ['secret', { secret: 'too-short' }],
      ['active', { active: 'yes' }],
      ['organization_id', { organization_id: 2 }],
    ])('answers 400 naming %s', async (field, override) => {
      const body = { url: 'https://hooks.example.com/x', events: ['model_added'], secret: 'sixteen-chars-ok', ...override };
      const response = await http().post('/api/webhooks').set(acme.auth).send(body).expect(400);
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    });

    it("answers 404 for another organisation's webhook and its deliveries", async () => {
      const { webhook } = await newWebhook(acme, `/private-${unique()}`);
      await http().get(`/api/webhooks/${webhook.id}`).set(globex.auth).expect(404);
      await http().patch(`/api/webhooks/${webhook.id}`).set(globex.auth).send({ active: false }).expect(404);
      await http().delete(`/api/webhooks/${webhook.id}`).set(globex.auth).expect(404);
      await http().get(`/api/webhooks/${webhook.id}/deliveries`).set(globex.auth).expect(404);
      const list = await http().get('/api/webhooks').set(globex.auth).expect(200);
      expect(list.body.items.map((w: WebhookResponse) => w.id)).not.toContain(webhook.id);
      await http().get(`/api/webhooks/${webhook.id}`).set(acme.auth).expect(200);
    });

    it.each([Role.Editor, Role.Auditor, Role.Reviewer])('refuses the %s role, for reads and writes', async (role) => {
      const user = await addUser(api, acme, role);
      await http().get('/api/webhooks').set(user.auth).expect(403);
      await http().post('/api/webhooks').set(user.auth).send({ url: 'https://hooks.example.com/x', events: ['model_added'], secret: 'sixteen-chars-ok' }).expect(403);
    });
  });

  describe('delivery', () => {
    it('delivers a committed event once, as documented JSON signed over the raw body', async () => {
      const org = await registerOrganization(api);
      const path = `/signed-${unique()}`;
      const { webhook, secret: key } = await newWebhook(org, path);
      const model = { id: 11, name: 'Churn predictor ✓', status: 'Pending' };
      const eventId = await commitEvent(org, 'model_added', model);

      const [hit] = await waitFor(() => receiver.at(path), (r) => r.length > 0);
      expect(eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(hit.headers).toMatchObject({
        'content-type': 'application/json',
        'user-agent': 'ModelInventory-Webhooks/1',
        'x-webhook-id': eventId,
        'x-webhook-event': 'model_added',
        'x-webhook-signature': `sha256=${createHmac('sha256', key).update(hit.body).digest('hex')}`,
      });
      expect(JSON.parse(hit.body.toString('utf8'))).toEqual({ id: eventId, event: 'model_added', occurred_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.+Z$/), organization_id: org.organizationId, data: { model: sentModel(org, model) } });

      const [attempt] = await waitFor(() => deliveries(org, webhook.id), (d) => d.length > 0);
      expect(attempt).toMatchObject({ webhook_id: webhook.id, event_uuid: eventId, event: 'model_added', attempt: 1, status: 'succeeded', response_code: 200, error: null });
      await sleep(500);
      expect(receiver.at(path)).toHaveLength(1);
    });

    it('sends nothing for a rolled-back transaction, even if its id is dispatched', async () => {
      const org = await registerOrganization(api);
      const path = `/rollback-${unique()}`;
      await newWebhook(org, path);
      const dataSource = api.get(DataSource);
      let rolledBack = '';
      const failing = dataSource.transaction(async (manager) => {
        rolledBack = await recordEvent(manager, org, 'model_added', { id: 1 });
        throw new Error('the model insert failed');
      });
      await expect(failing).rejects.toThrow('the model insert failed');
      expect(await dataSource.query('SELECT id FROM automation_events WHERE uuid = $1', [rolledBack])).toEqual([]);
      await api.get(AutomationEvents).dispatch([rolledBack]);

      const committed = await commitEvent(org, 'model_added');
      await waitFor(() => idsAt(path), (ids) => ids.includes(committed));
      await sleep(300);
      expect(idsAt(path)).toEqual([committed]);
    });

    it('retries a failing receiver with growing gaps and records every attempt', async () => {
      const org = await registerOrganization(api);
      const path = `/flaky-${unique()}`;
      const { webhook } = await newWebhook(org, path);
      receiver.failNext(path, 2);
      const eventId = await commitEvent(org, 'model_updated');

      const attempts = await waitFor(() => deliveries(org, webhook.id), (d) => d.length >= 3);
      expect(attempts.map(({ attempt, status, response_code, event_uuid }) => ({ attempt, status, response_code, event_uuid }))).toEqual([
        { attempt: 3, status: 'succeeded', response_code: 200, event_uuid: eventId },
        { attempt: 2, status: 'failed', response_code: 503, event_uuid: eventId },
        { attempt: 1, status: 'failed', response_code: 503, event_uuid: eventId },
      ]);
      expect(attempts[1].error).toBe('HTTP 503 Service Unavailable');
      const [third, second, first] = attempts.map((a) => Date.parse(a.delivered_at));
      expect(second - first).toBeGreaterThanOrEqual(RETRY_DELAY_MS - 20);
      expect(third - second).toBeGreaterThanOrEqual(2 * RETRY_DELAY_MS - 20);
      expect(third - second).toBeGreaterThan(second - first);
      // Every retry resends the same signed bytes.
      expect(new Set(receiver.at(path).map((r) => r.headers['x-webhook-signature'])).size).toBe(1);
      await sleep(300);
      expect(receiver.at(path)).toHaveLength(3);
    });

    it('delivers once however often the same event is dispatched', async () => {
      const org = await registerOrganization(api);
      const path = `/dupes-${unique()}`;
      await newWebhook(org, path);
      const eventId = await commitEvent(org, 'model_added');
      await Promise.all([api.get(AutomationEvents).dispatch([eventId]), api.get(AutomationEvents).dispatch([eventId])]);
      await waitFor(() => idsAt(path), (ids) => ids.includes(eventId));
      await api.get(AutomationEvents).dispatch([eventId]);

      const later = await commitEvent(org, 'model_updated');
      await waitFor(() => idsAt(path), (ids) => ids.includes(later));
      await sleep(300);
      expect(idsAt(path)).toEqual([eventId, later]);
    });

    it('sends a webhook only the events it subscribed to', async () => {
      const org = await registerOrganization(api);
      const deletedOnly = `/deleted-only-${unique()}`;
      const addedOnly = `/added-only-${unique()}`;
      const { webhook } = await newWebhook(org, deletedOnly, ['model_deleted']);
      await newWebhook(org, addedOnly, ['model_added']);

      const added = await commitEvent(org, 'model_added');
      await waitFor(() => idsAt(addedOnly), (ids) => ids.includes(added));
      await sleep(300);
      expect(receiver.at(deletedOnly)).toHaveLength(0);
      expect(await deliveries(org, webhook.id)).toEqual([]);

      const deleted = await commitEvent(org, 'model_deleted');
      expect(await waitFor(() => idsAt(deletedOnly), (ids) => ids.length > 0)).toEqual([deleted]);
      expect(idsAt(addedOnly)).toEqual([added]);
    });

    it('has the outbox sweep dispatch an old event whose dispatch was never called', async () => {
      const queue = api.get<Queue>(getQueueToken(QueueName.automation));
      expect(await queue.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID)).toMatchObject({ name: AutomationJob.sweepOutbox, every: 60_000 });

      const org = await registerOrganization(api);
      const path = `/swept-${unique()}`;
      await newWebhook(org, path);
      const dataSource = api.get(DataSource);
      const record = (event: AutomationEvent) =>
        dataSource.transaction((manager) => recordEvent(manager, org, event, { id: 2 }));
      const lost = await record('model_updated');
      const recent = await record('model_deleted');
      await dataSource.query(`UPDATE automation_events SET occurred_at = now() - interval '5 minutes' WHERE uuid = $1`, [lost]);

      await queue.add(AutomationJob.sweepOutbox, {});
      expect(await waitFor(() => idsAt(path), (ids) => ids.length > 0)).toEqual([lost]);
      const rows: { id: string; dispatched: boolean }[] = await dataSource.query(
        'SELECT id, dispatched_at IS NOT NULL AS dispatched FROM automation_events WHERE uuid = ANY($1::uuid[]) ORDER BY id',
        [[lost, recent]],
      );
      expect(rows.map((r) => r.dispatched)).toEqual([true, false]);
    });
  });
});
