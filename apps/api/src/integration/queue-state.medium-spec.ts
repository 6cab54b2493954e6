import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AutomationModule, AutomationWorkerModule } from '@model-inventory/server-automation';
import { AppConfig, DAILY_SNAPSHOT_CRON, DAILY_SNAPSHOT_SCHEDULER_ID, HistoryJob, OUTBOX_SWEEP_SCHEDULER_ID, QueueName } from '@model-inventory/server-core';
import { HistoryModule, HistoryWorkerModule } from '@model-inventory/server-history';
import { InventoryModule } from '@model-inventory/server-inventory';
import { createTestApp, createTestDatabase, createTestWorker, dropTestDatabase, registerOrganization, testAppConfig, TestDatabase, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

const EVENTS_PER_INSTALLATION = 3;

/** One installation: an API and a worker on their own fresh database, sharing the Redis and queue prefix with the others. */
interface Installation {
  database: TestDatabase;
  api: NestExpressApplication;
  worker: INestApplicationContext;
  admin: TestSession;
}

async function waitUntil(probe: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe()) && Date.now() < deadline) await sleep(100);
}

describe('queue state outlives the database (a recreated or restored database on a Redis that served another)', () => {
  // The same queue namespace for every installation: what a recreated database behind the same deployment sees.
  const sharedQueuePrefix = `reused-${randomBytes(4).toString('hex')}`;
  const received: string[] = [];
  let receiver: Server;
  let receiverUrl: string;
  const installations: Installation[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      received.push(String(req.headers['x-webhook-id']));
      req.resume().on('end', () => res.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });

  afterAll(async () => {
    for (const installation of installations) await stop(installation);
    await new Promise<void>((resolve) => (receiver.closeAllConnections(), receiver.close(() => resolve())));
  });

  async function install(overrides: Record<string, string> = {}): Promise<Installation> {
    const database = await createTestDatabase('mi_reinstall');
    const config: AppConfig = testAppConfig({ DATABASE_URL: database.url, QUEUE_PREFIX: sharedQueuePrefix, ...overrides });
    const api = await createTestApp([AutomationModule, HistoryModule, InventoryModule], config);
    const worker = await createTestWorker([AutomationWorkerModule, HistoryWorkerModule], config);
    const admin = await registerOrganization(api);
    const installation = { database, api, worker, admin };
    installations.push(installation);
    return installation;
  }

  async function stop({ api, worker, database }: Installation): Promise<void> {
    await worker.close();
    await api.close();
    await dropTestDatabase(database.name);
  }

  /** Registers a webhook and creates models; returns the UUIDs of the model_added events. */
  async function createModelsWithWebhook({ api, admin }: Installation): Promise<string[]> {
    const http = () => request(api.getHttpServer());
    await http().post('/api/webhooks').set(admin.auth).send({ url: receiverUrl, events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
    for (let i = 0; i < EVENTS_PER_INSTALLATION; i++) await http().post('/api/modelInventory').set(admin.auth).send(aModel({ version: `v${i}` })).expect(201);
    const rows: Array<{ uuid: string }> = await api.get(DataSource).query(`SELECT uuid FROM automation_events WHERE event = 'model_added' ORDER BY id`);
    return rows.map((row) => row.uuid);
  }

  const dailySnapshotCount = ({ api, admin }: Installation) =>
    api
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM model_inventory_snapshots WHERE organization_id = $1 AND trigger = 'daily'`, [admin.organizationId])
      .then(([row]: Array<{ n: number }>) => row.n);

  it('delivers every event and takes every daily snapshot of a fresh database whose ids were used before on the same Redis', async () => {
    const first = await install();
    const firstEvents = await createModelsWithWebhook(first);
    await waitUntil(() => firstEvents.every((uuid) => received.includes(uuid)));
    expect(received).toEqual(expect.arrayContaining(firstEvents));
    await first.api.get<Queue>(getQueueToken(QueueName.history)).add(HistoryJob.dailySnapshots, {});
    await waitUntil(async () => (await dailySnapshotCount(first)) > 0);
    expect(await dailySnapshotCount(first)).toBeGreaterThan(0);
    await stop(installations.splice(0, 1)[0]);

    // The same organisation, webhook and event ids again, on a Redis that still holds the first database's finished jobs.
    const second = await install();
    expect(second.admin.organizationId).toBe(first.admin.organizationId);
    const secondEvents = await createModelsWithWebhook(second);
    await waitUntil(() => secondEvents.every((uuid) => received.includes(uuid)));
    expect(received.filter((uuid) => secondEvents.includes(uuid)).sort()).toEqual([...secondEvents].sort());
    await second.api.get<Queue>(getQueueToken(QueueName.history)).add(HistoryJob.dailySnapshots, {});
    await waitUntil(async () => (await dailySnapshotCount(second)) > 0);
    expect(await dailySnapshotCount(second)).toBeGreaterThan(0);
  }, 90_000);

  it('re-creates the job schedulers a worker keeps when they vanish from the queue (Redis back empty), without a restart', async () => {
    const { api } = await install({ QUEUE_PREFIX: `schedules-${randomBytes(4).toString('hex')}`, JOB_SCHEDULES_RECHECK_SECONDS: '1' });
    const queues = { automation: api.get<Queue>(getQueueToken(QueueName.automation)), history: api.get<Queue>(getQueueToken(QueueName.history)) };
    expect(await queues.automation.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID)).toBeTruthy();
    await queues.automation.removeJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID);
    await queues.history.removeJobScheduler(DAILY_SNAPSHOT_SCHEDULER_ID);
    expect(await queues.automation.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID)).toBeFalsy();
    await waitUntil(async () => Boolean((await queues.automation.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID)) && (await queues.history.getJobScheduler(DAILY_SNAPSHOT_SCHEDULER_ID))), 10_000);
    expect(await queues.automation.getJobScheduler(OUTBOX_SWEEP_SCHEDULER_ID)).toMatchObject({ every: 60_000 });
    expect(await queues.history.getJobScheduler(DAILY_SNAPSHOT_SCHEDULER_ID)).toMatchObject({ pattern: DAILY_SNAPSHOT_CRON });
  }, 60_000);
});
