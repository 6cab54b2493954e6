import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AutomationModule, AutomationWorkerModule, EventRegistry } from '@model-inventory/server-automation';
import { EVIDENCE_EXPIRY_SCHEDULER_ID, EvidenceJob, QueueName } from '@model-inventory/server-core';
import { EvidenceExpiryService, EvidenceModule, EvidenceWorkerModule } from '@model-inventory/server-evidence';
import { InventoryModule } from '@model-inventory/server-inventory';
import { createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { evidenceClient } from './evidence-fixtures';
import { startReceiver, waitFor } from './webhook-fixtures';

const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

describe('evidence expiry: the daily job marks evidence expiring and expired and announces each state once (real PostgreSQL and BullMQ)', () => {
  const config = testAppConfig({ EVIDENCE_EXPIRY_WARNING_DAYS: '14' });
  let app: NestExpressApplication;
  let worker: INestApplicationContext;
  let client: ReturnType<typeof evidenceClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let acme: TestSession;
  let globex: TestSession;
  const ids: Record<'expired' | 'expiring' | 'later' | 'undated' | 'deleted' | 'globexExpiring', number> = {} as never;

  beforeAll(async () => {
    app = await createTestApp([AutomationModule, InventoryModule, EvidenceModule], config);
    worker = await createTestWorker([AutomationWorkerModule, EvidenceWorkerModule], config);
    receiver = await startReceiver();
    client = evidenceClient(app);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    const webhook = { url: receiver.url('/acme'), events: ['evidence_expiring', 'evidence_expired'], secret: 'sixteen-chars-secret' };
    await client.http().post('/api/webhooks').set(acme.auth).send(webhook).expect(201);
    const model = (await client.model(acme)).id;
    const upload = async (session: TestSession, modelId: number, expiry_date?: string) =>
      (
        await client.uploaded(session, modelId, {
          fields: {
            evidence_type: 'Security Assessment Report',
            ...(expiry_date ? { expiry_date } : {}),
          },
        })
      ).id;
    ids.expired = await upload(acme, model, inDays(-3));
    ids.expiring = await upload(acme, model, inDays(5));
    ids.later = await upload(acme, model, inDays(60));
    ids.undated = await upload(acme, model);
    ids.deleted = await upload(acme, model, inDays(-1));
    await client.http().delete(`/api/evidence/${ids.deleted}`).set(acme.auth).expect(204);
    ids.globexExpiring = await upload(globex, (await client.model(globex)).id, inDays(14));
  });

  afterAll(async () => {
    await worker?.close();
    await app?.get<Queue>(getQueueToken(QueueName.evidence)).obliterate({ force: true });
    await app?.get<Queue>(getQueueToken(QueueName.automation)).obliterate({ force: true });
    await receiver?.close();
    await app?.close();
  });

  const db = () => app.get(DataSource);
  const states = async () =>
    Object.fromEntries(
      ((await db().query('SELECT id, expiry_state FROM model_evidence WHERE id = ANY($1)', [Object.values(ids)])) as Array<{ id: number; expiry_state: string }>).map((row) => [
        row.id,
        row.expiry_state,
      ]),
    );
  const events = async () =>
    (await db().query(
      // This spec's organisations only: other spec files of the run share the database.
      `SELECT organization_id, event, (payload->'evidence'->>'id')::int AS evidence_id, payload FROM automation_events
        WHERE event LIKE 'evidence_%' AND organization_id = ANY($1) ORDER BY id`,
      [[acme.organizationId, globex.organizationId]],
    )) as Array<{
      organization_id: number;
      event: string;
      evidence_id: number;
      payload: Record<string, unknown>;
    }>;

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('keeps one daily job scheduler in the worker', async () => {
    const scheduler = await worker.get<Queue>(getQueueToken(QueueName.evidence)).getJobScheduler(EVIDENCE_EXPIRY_SCHEDULER_ID);
    expect(scheduler).toMatchObject({
      pattern: '15 0 * * *',
      tz: 'UTC',
      name: EvidenceJob.expirySweep,
    });
  });

  it('marks expired and expiring (within EVIDENCE_EXPIRY_WARNING_DAYS) evidence when the job runs, with one outbox event each', async () => {
    await app.get<Queue>(getQueueToken(QueueName.evidence)).add(EvidenceJob.expirySweep, {});
    const found = await until(events, (rows) => rows.length >= 3);
    expect(
      found
        .map(({ organization_id, event, evidence_id }) => ({
          organization_id,
          event,
          evidence_id,
        }))
        .sort((a, b) => a.evidence_id - b.evidence_id),
    ).toEqual([
      {
        organization_id: acme.organizationId,
        event: 'evidence_expired',
        evidence_id: ids.expired,
      },
      {
        organization_id: acme.organizationId,
        event: 'evidence_expiring',
        evidence_id: ids.expiring,
      },
      {
        organization_id: globex.organizationId,
        event: 'evidence_expiring',
        evidence_id: ids.globexExpiring,
      },
    ]);
    expect(await states()).toEqual({
      [ids.expired]: 'expired',
      [ids.expiring]: 'expiring',
      [ids.later]: 'current',
      [ids.undated]: 'current',
      [ids.deleted]: 'current',
      [ids.globexExpiring]: 'expiring',
    });
  });

  it('delivers the events to the organisation’s subscribed webhook', async () => {
    const delivered = await waitFor(
      () => receiver.at('/acme'),
      (requests) => requests.length >= 2,
    );
    const bodies = delivered.map((request) => JSON.parse(request.body.toString('utf8')));
    expect(bodies.map((body) => [body.event, body.data.evidence.id]).sort()).toEqual(
      [
        ['evidence_expired', ids.expired],
        ['evidence_expiring', ids.expiring],
      ].sort(),
    );
    expect(bodies.every((body) => body.organization_id === acme.organizationId)).toBe(true);
    expect(JSON.stringify(bodies)).not.toMatch(/storage_key/);
  });

  it('announces nothing twice, however often it runs', async () => {
    const before = (await events()).length;
    const run = await worker.get(EvidenceExpiryService).run();
    expect(run).toMatchObject({ expiring: 0, expired: 0, orphanChunks: 0 });
    expect(run.organizations).toBeGreaterThanOrEqual(2);
    await worker.get(EvidenceExpiryService).run();
    expect((await events()).length).toBe(before);
  });

  it('announces an expiring file again when it expires, once', async () => {
    const sixDaysLater = new Date(Date.now() + 6 * DAY_MS);
    expect(await worker.get(EvidenceExpiryService).run(sixDaysLater)).toMatchObject({ expired: 1 });
    expect(await worker.get(EvidenceExpiryService).run(sixDaysLater)).toMatchObject({ expiring: 0, expired: 0 });
    const expiredEvents = (await events()).filter((row) => row.event === 'evidence_expired').map((row) => row.evidence_id);
    expect(expiredEvents.sort()).toEqual([ids.expired, ids.expiring].sort());
  });

  it('removes, a day later, stored chunks of an upload that never got its evidence row, and nothing else', async () => {
    const chunksOf = async (key: string) => (await db().query('SELECT count(*)::int AS n FROM evidence_blobs WHERE storage_key = $1', [key]))[0].n as number;
    const insert = (key: string, age: string) =>
      db().query(`INSERT INTO evidence_blobs (storage_key, chunk_index, data, written_at) VALUES ($1, 0, '\\x00', now() - $2::interval)`, [key, age]);
    const [stale, fresh] = ['0b8d3e4c-1111-4a8e-9c57-2f6d3a7b9e01', '0b8d3e4c-2222-4a8e-9c57-2f6d3a7b9e02'];
    await insert(stale, '25 hours');
    await insert(fresh, '1 hour');
    const [{ storage_key: liveKey }] = await db().query('SELECT storage_key FROM model_evidence WHERE id = $1', [ids.later]);
    await db().query(`UPDATE evidence_blobs SET written_at = now() - interval '30 days' WHERE storage_key = $1`, [liveKey]);
    expect((await worker.get(EvidenceExpiryService).run()).orphanChunks).toBe(1);
    expect([await chunksOf(stale), await chunksOf(fresh), await chunksOf(liveKey)]).toEqual([0, 1, 1]);
  });

  it('attributes the change to the job in the evidence’s history', async () => {
    const rows = await db().query(
      `SELECT action, field_name, new_value, changed_by_user_id, changed_by_system FROM change_history WHERE entity_type = 'evidence' AND entity_id = $1 AND field_name = 'expiry_state' AND action = 'updated' ORDER BY id`,
      [ids.expiring],
    );
    expect(rows).toEqual([
      {
        action: 'updated',
        field_name: 'expiry_state',
        new_value: 'expiring',
        changed_by_user_id: null,
        changed_by_system: 'Evidence expiry',
      },
      {
        action: 'updated',
        field_name: 'expiry_state',
        new_value: 'expired',
        changed_by_user_id: null,
        changed_by_system: 'Evidence expiry',
      },
    ]);
  });

  it('sends webhooks the evidence as the API shows it: no storage key, no organisation', async () => {
    const [stored] = (await events()).filter((row) => row.evidence_id === ids.expiring);
    const data = app.get(EventRegistry).present('evidence_expiring', stored.payload) as unknown as {
      model: { id: number };
      evidence: Record<string, unknown>;
    };
    expect(data.evidence).toMatchObject({
      id: ids.expiring,
      filename: 'report.pdf',
      evidence_type: 'Security Assessment Report',
      expiry_date: inDays(5),
    });
    expect(data.model.id).toEqual(expect.any(Number));
    expect(JSON.stringify(data)).not.toMatch(/storage_key|organization_id/);
  });
});
