import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TestingModuleBuilder } from '@nestjs/testing';
import { MlflowModelRecordResponse, MlflowSyncStatusResponse, Page, Role } from '@model-inventory/contracts';
import { QueueName } from '@model-inventory/server-core';
import { InventoryModule } from '@model-inventory/server-inventory';
import { MLFLOW_RETRY_POLICY, MlflowModule, MlflowWorkerModule } from '@model-inventory/server-mlflow';
import { addUser, createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { connectMlflow } from './mlflow-fixtures';
import { FakeMlflow, startFakeMlflow } from './mlflow-fake-process';

const IMPORT = { approver: 'jane.doe@example.com', status_date: '2026-01-17', hosting_provider: 'On-premises', capabilities: ['scoring'], biases: 'Trained on 2024 data.', limitations: 'EU only.' };

describe('MLflow sync over HTTP and BullMQ, the synced records and their import (real PostgreSQL, Redis, fake MLflow)', () => {
  const config = testAppConfig();
  let app: NestExpressApplication;
  let workers: INestApplicationContext[];
  let fake: FakeMlflow;
  let acme: TestSession;
  let globex: TestSession;
  let auditor: TestSession;
  let editor: TestSession;

  beforeAll(async () => {
    [app, fake] = await Promise.all([createTestApp([InventoryModule, MlflowModule], config), startFakeMlflow(['--models', '40', '--versions-per-model', '2'])]);
    // No retries inside a call, so a failing call reaches the job's own retries.
    const oneTry = (builder: TestingModuleBuilder) => builder.overrideProvider(MLFLOW_RETRY_POLICY).useValue({ retries: 0, baseDelayMs: 0, maxDelayMs: 0 });
    workers = [await createTestWorker([MlflowWorkerModule], config, oneTry), await createTestWorker([MlflowWorkerModule], config, oneTry)];
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
    [auditor, editor] = await Promise.all([addUser(app, acme, Role.Auditor), addUser(app, acme, Role.Editor)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all([fake?.stop(), app.close()]);
  });

  const http = () => request(app.getHttpServer());
  const status = async (session: TestSession) => (await http().get('/api/integrations/mlflow/sync-status').set(session.auth).expect(200)).body as MlflowSyncStatusResponse;
  async function settled(session: TestSession): Promise<MlflowSyncStatusResponse> {
    for (let i = 0; i < 200; i++) {
      const current = await status(session);
      if (current.state === 'idle' && current.last_sync_status) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the sync did not finish within 20 s');
  }
  const list = async (session: TestSession, query = '') => (await http().get(`/api/integrations/mlflow/models${query}`).set(session.auth).expect(200)).body as Page<MlflowModelRecordResponse>;

  it('keeps one sync schedule (MLFLOW_SYNC_CRON, hourly by default) however many workers run', async () => {
    const queue = workers[0].get<Queue>(getQueueToken(QueueName.mlflow), { strict: false });
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([['mlflow-sync', '0 * * * *']]);
  });

  it('refuses a sync until the connection test has succeeded, naming the test; Auditors may not sync', async () => {
    await http().put('/api/integrations/mlflow/config').set(acme.auth).send({ tracking_server_url: fake.url, auth_method: 'none' }).expect(200);
    const refused = await http().post('/api/integrations/mlflow/sync').set(acme.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toMatch(/connection test/);
    await connectMlflow(app, acme, fake.url);
    expect((await http().post('/api/integrations/mlflow/sync').set(auditor.auth)).status).toBe(403);
  });

  it('queues the sync (202 with its job id), runs it once however often it is asked, and reports the result', async () => {
    await fake.control.clearRequests();
    const first = await http().post('/api/integrations/mlflow/sync').set(editor.auth).expect(202);
    const second = await http().post('/api/integrations/mlflow/sync').set(acme.auth).expect(202);
    expect(first.body.job_id).toMatch(new RegExp(`^mlflow-sync-\\d+-org-${acme.organizationId}$`));
    expect(second.body.job_id).toBe(first.body.job_id);
    const done = await settled(acme);
    expect(done).toMatchObject({ state: 'idle', job_id: null, last_sync_status: 'success', last_sync_counts: { models: 40, versions: 80, added: 80 } });
    const firstPages = (await fake.control.requests()).filter((r) => r.path.endsWith('registered-models/search') && !r.query['page_token']);
    expect(firstPages).toHaveLength(1);
  }, 30_000);

  it('shows a running sync with its progress', async () => {
    await fake.control.setFaults({ latencyMs: 300 });
    await http().post('/api/integrations/mlflow/sync').set(acme.auth).expect(202);
    let seenRunning: MlflowSyncStatusResponse | undefined;
    for (let i = 0; i < 100 && !seenRunning; i++) {
      const current = await status(acme);
      if (current.state === 'running' && current.progress) seenRunning = current;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await fake.control.clearFaults();
    expect(seenRunning).toMatchObject({ job_id: expect.stringMatching(/^mlflow-sync-/), progress: { models: 40, versions: expect.any(Number) } });
    expect((await settled(acme)).last_sync_status).toBe('success');
  }, 30_000);

  it('retries the whole sync (the job’s next attempt, 1 s later) when MLflow failed it half-way', async () => {
    await fake.control.clearRequests();
    await fake.control.setFaults({ failEndpoint: { endpoint: 'model-versions/search', status: 503, count: 1, errorCode: 'TEMPORARILY_UNAVAILABLE' } });
    await http().post('/api/integrations/mlflow/sync').set(acme.auth).expect(202);
    for (let i = 0; i < 100 && (await fake.control.requests()).filter((r) => r.path.endsWith('model-versions/search')).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    // The whole status, so a failure shows the recorded message too.
    expect(await settled(acme)).toMatchObject({ last_sync_status: 'success' });
    const listings = (await fake.control.requests()).filter((r) => r.path.endsWith('registered-models/search') && !r.query['page_token']);
    expect(listings).toHaveLength(2);
  }, 30_000);

  it('pages the records ({ items, total, limit, offset }) with search, stage and removed filters; limit is at most 500', async () => {
    const page = await list(acme, '?limit=10&offset=5');
    expect(page).toMatchObject({ total: 80, limit: 10, offset: 5 });
    expect(page.items).toHaveLength(10);
    expect(page.items[0]).toMatchObject({ model_name: expect.any(String), version: expect.any(String), aliases: expect.any(Array), tags: expect.any(Object), removed_upstream: false, inventory_model_id: null });
    const { samples } = await fake.control.stats();
    const tricky = samples.trickyModelNames.find((name) => name.includes("'")) as string;
    const found = await list(acme, `?search=${encodeURIComponent(tricky)}`);
    expect(found.items.map((r) => r.model_name)).toEqual(found.items.map(() => tricky));
    expect(found.total).toBe(2);
    const production = await list(acme, '?stage=Production&limit=500');
    expect(production.items.every((r) => r.lifecycle_stage === 'Production')).toBe(true);
    expect((await list(acme, '?removed=true')).total).toBe(0);
    const tooMany = await http().get('/api/integrations/mlflow/models?limit=501').set(acme.auth);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e: { field: string }) => e.field)).toEqual(['limit']);
  });

  it('shows one record to every role of its organisation and to no one else', async () => {
    const [record] = (await list(acme, '?limit=1')).items;
    expect((await http().get(`/api/integrations/mlflow/models/${record.id}`).set(auditor.auth).expect(200)).body).toEqual(record);
    expect((await http().get(`/api/integrations/mlflow/models/${record.id}`).set(globex.auth)).status).toBe(404);
    expect((await list(globex)).total).toBe(0);
  });

  it('imports a version as a Pending model of the register, links it, and flags the model’s other versions as new', async () => {
    const records = (await list(acme, '?limit=500')).items;
    const record = records.find((r) => r.version === '1') as MlflowModelRecordResponse;
    expect((await http().post(`/api/integrations/mlflow/models/${record.id}/import`).set(auditor.auth).send(IMPORT)).status).toBe(403);
    const invalid = await http().post(`/api/integrations/mlflow/models/${record.id}/import`).set(editor.auth).send({ status_date: 'soon' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['approver', 'status_date', 'hosting_provider']));

    const imported = await http().post(`/api/integrations/mlflow/models/${record.id}/import`).set(editor.auth).send(IMPORT).expect(201);
    expect(imported.body.inventory_model_id).toEqual(expect.any(Number));
    const model = (await http().get(`/api/modelInventory/${imported.body.inventory_model_id}`).set(acme.auth).expect(200)).body;
    expect(model).toMatchObject({ provider: 'MLflow', model: record.model_name, version: '1', status: 'Pending', approver: IMPORT.approver, hosting_provider: 'On-premises' });
    expect(model.reference_link).toBe(`${fake.url}/#/models/${encodeURIComponent(record.model_name)}/versions/1`);

    expect((await http().post(`/api/integrations/mlflow/models/${record.id}/import`).set(editor.auth).send(IMPORT)).status).toBe(409);
    const sibling = (await list(acme, '?limit=500')).items.find((r) => r.model_name === record.model_name && r.version === '2');
    expect(sibling).toMatchObject({ inventory_model_id: null, new_version_of_registered_model: true });
    expect((await http().post(`/api/integrations/mlflow/models/${record.id}/import`).set(globex.auth).send(IMPORT)).status).toBe(404);
  });
});
