import { NestExpressApplication } from '@nestjs/platform-express';
import { MlflowModule, MlflowSyncService } from '@model-inventory/server-mlflow';
import { createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';
import { connectMlflow, keyOf, storedEvents, storedRecords } from './mlflow-fixtures';
import { FakeMlflow, mlflowGet, startFakeMlflow, WireModelVersion } from './mlflow-fake-process';

/** Every version the fake lists, by following its pages (what a complete sync must end up with). */
async function allVersions(fake: FakeMlflow): Promise<WireModelVersion[]> {
  const versions: WireModelVersion[] = [];
  let token: string | undefined;
  do {
    const { json } = await mlflowGet(fake.url, 'model-versions/search', token ? { max_results: 5000, page_token: token } : { max_results: 5000 });
    versions.push(...(json.model_versions ?? []));
    token = json.next_page_token;
  } while (token);
  return versions;
}

describe('the MLflow Model Registry sync against the fake MLflow (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let sync: MlflowSyncService;
  let big: FakeMlflow;
  let small: FakeMlflow;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([MlflowModule]);
    sync = app.get(MlflowSyncService);
    [big, small, acme, globex] = await Promise.all([
      startFakeMlflow(['--models', '1100', '--versions-per-model', '1']),
      startFakeMlflow(['--models', '30', '--versions-per-model', '3']),
      registerOrganization(app),
      registerOrganization(app),
    ]);
    await connectMlflow(app, acme, big.url);
    await connectMlflow(app, globex, small.url);
  }, 60_000);

  afterAll(() => Promise.all([big?.stop(), small?.stop(), app.close()]));

  describe('a registry larger than one page (1,100 models)', () => {
    it('syncs every version of every model, following page tokens to the end, tricky names included', async () => {
      const expected = await allVersions(big);
      await big.control.clearRequests();
      const outcome = await sync.syncOrganization(acme.organizationId);
      expect(outcome).toMatchObject({ status: 'success', counts: { models: 1100, versions: expected.length, added: expected.length, updated: 0, removed: 0 } });

      const records = await storedRecords(app, acme.organizationId);
      expect(records.map(keyOf).sort()).toEqual(expected.map((v) => `${v.name}@${v.version}`).sort());
      const names = new Set(records.map((r) => r.model_name));
      const { samples } = await big.control.stats();
      for (const tricky of samples.trickyModelNames) expect(names).toContain(tricky);
      for (const prompt of samples.promptNames) expect(names).not.toContain(prompt);

      const modelPages = (await big.control.requests()).filter((r) => r.path.endsWith('registered-models/search'));
      expect(modelPages.length).toBeGreaterThanOrEqual(2);
      expect(modelPages.slice(1).every((r) => typeof r.query['page_token'] === 'string')).toBe(true);
      expect(await storedEvents(app, acme.organizationId, 'mlflow_version_added')).toHaveLength(expected.length);
    }, 40_000);

    it('keeps the run’s latest metrics (NaN as "NaN"), params and experiment, and a garbage-collected run as lineage unavailable', async () => {
      const { samples } = await big.control.stats();
      const records = await storedRecords(app, acme.organizationId);
      const nan = records.find((r) => r.run_id === samples.nanMetricRunIds[0]);
      expect(Object.values(nan?.metrics ?? {})).toContain('NaN');
      const gone = records.find((r) => r.run_id === samples.gcRunIds[0]);
      expect(gone).toMatchObject({ lineage_available: false, metrics: {} });
      const withRun = records.find((r) => r.run_id && r.lineage_available);
      expect(withRun).toMatchObject({ experiment_id: expect.any(String), run_status: expect.any(String), metrics: expect.objectContaining({ accuracy: expect.any(Number) }) });
    });

    it('resyncs an unchanged registry without writing anything or reading any run', async () => {
      await big.control.clearRequests();
      const outcome = await sync.syncOrganization(acme.organizationId);
      expect(outcome).toMatchObject({ status: 'success', counts: { added: 0, updated: 0, removed: 0, runs_fetched: 0 } });
      expect((await big.control.requests()).filter((r) => r.path.endsWith('runs/get'))).toHaveLength(0);
    }, 30_000);

    it('survives offset drift: a model deleted between pages shifts the next page, yet nothing else is lost or marked removed', async () => {
      const first = (await storedRecords(app, acme.organizationId))[0].model_name;
      await big.control.setFaults({ mutateBetweenPages: { afterPage: 1, action: 'delete' } });
      const outcome = await sync.syncOrganization(acme.organizationId);
      await big.control.clearFaults();
      expect(outcome.status).toBe('success');
      const removed = (await storedRecords(app, acme.organizationId)).filter((r) => r.removed_upstream);
      expect(removed.map((r) => r.model_name)).toEqual([first]);
      expect(outcome.counts).toMatchObject({ models: 1099, removed: 1 });
    }, 30_000);
  });

  describe('changes MLflow does not timestamp, and removals', () => {
    let model: string;

    beforeAll(async () => {
      expect((await sync.syncOrganization(globex.organizationId)).status).toBe('success');
      model = (await storedRecords(app, globex.organizationId)).find((r) => r.aliases.length === 0 && r.version === '1')?.model_name as string;
    });

    it('detects model tags, version tags and aliases, which bump no MLflow timestamp', async () => {
      await small.control.mutate('models/set-tag', { name: model, key: 'owner', value: 'risk-team' });
      await small.control.mutate('versions/set-tag', { name: model, version: '1', key: 'validated', value: 'yes' });
      await small.control.mutate('models/set-alias', { name: model, alias: 'shadow', version: '1' });
      const outcome = await sync.syncOrganization(globex.organizationId);
      expect(outcome.status).toBe('success');
      const records = (await storedRecords(app, globex.organizationId)).filter((r) => r.model_name === model);
      expect(records.every((r) => r.model_tags['owner'] === 'risk-team')).toBe(true);
      const first = records.find((r) => r.version === '1');
      expect(first?.tags['validated']).toBe('yes');
      expect(first?.aliases).toContain('shadow');
      expect(outcome.counts?.updated).toBe(records.length);
    });

    it('records a stage change and emits mlflow_stage_changed with the previous stage', async () => {
      const before = (await storedRecords(app, globex.organizationId)).find((r) => r.model_name === model && r.version === '2');
      const next = before?.lifecycle_stage === 'Production' ? 'Archived' : 'Production';
      await small.control.mutate('versions/transition-stage', { name: model, version: '2', stage: next });
      await sync.syncOrganization(globex.organizationId);
      const after = (await storedRecords(app, globex.organizationId)).find((r) => r.model_name === model && r.version === '2');
      expect(after).toMatchObject({ lifecycle_stage: next, previous_stage: before?.lifecycle_stage });
      const events = await storedEvents(app, globex.organizationId, 'mlflow_stage_changed');
      expect(events.map((e) => e.payload.mlflow_model_record)).toContainEqual(expect.objectContaining({ id: after?.id, lifecycle_stage: next }));
    });

    it('marks nothing removed while a listing is cut short, and marks the deleted model removed after a complete one', async () => {
      await small.control.mutate('models/delete', { name: model });
      await small.control.setFaults({ failEndpoint: { endpoint: 'model-versions/search', status: 400, errorCode: 'INVALID_PARAMETER_VALUE' } });
      const cut = await sync.syncOrganization(globex.organizationId);
      expect(cut.status).toBe('error');
      expect(cut.message).toMatch(/Nothing was marked removed/);
      expect((await storedRecords(app, globex.organizationId)).filter((r) => r.removed_upstream)).toHaveLength(0);

      await small.control.clearFaults();
      const complete = await sync.syncOrganization(globex.organizationId);
      expect(complete.status).toBe('success');
      const removed = (await storedRecords(app, globex.organizationId)).filter((r) => r.removed_upstream);
      expect(removed.map((r) => r.model_name)).toEqual(removed.map(() => model));
      expect(complete.counts?.removed).toBe(removed.length);
    });

    it('retries 429 (honouring Retry-After) and 503 inside the run, so the sync still succeeds', async () => {
      await small.control.mutate('versions/set-tag', { name: (await storedRecords(app, globex.organizationId)).find((r) => !r.removed_upstream)?.model_name, version: '1', key: 'k', value: 'v' });
      await small.control.setFaults({ status429: { count: 2, retryAfterSeconds: 1 }, status503: { count: 2 } });
      await small.control.clearRequests();
      const started = Date.now();
      const outcome = await sync.syncOrganization(globex.organizationId);
      expect(outcome).toMatchObject({ status: 'success', counts: { updated: expect.any(Number) } });
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
      const statuses = (await small.control.requests()).map((r) => r.status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(2);
      expect(statuses.filter((s) => s === 503)).toHaveLength(2);
    }, 30_000);

    it('ends with an auth error, and keeps every record, when MLflow starts refusing the credentials', async () => {
      await small.control.setFaults({ failEndpoint: { endpoint: 'registered-models/search', status: 401, errorCode: 'UNAUTHENTICATED' } });
      const outcome = await sync.syncOrganization(globex.organizationId);
      await small.control.clearFaults();
      expect(outcome.status).toBe('error');
      expect(outcome.message).toMatch(/^Authentication failed/);
      const [row] = await app.get(DataSource).query(`SELECT last_sync_status, last_sync_message FROM mlflow_integrations WHERE organization_id = $1`, [globex.organizationId]);
      expect(row).toEqual({ last_sync_status: 'error', last_sync_message: outcome.message });
    });
  });

  it('syncs two organisations at once, each from its own server into its own records', async () => {
    await small.control.mutate('versions/set-tag', { name: (await storedRecords(app, globex.organizationId)).find((r) => !r.removed_upstream)?.model_name, version: '1', key: 'both', value: 'at-once' });
    const [a, g] = await Promise.all([sync.syncOrganization(acme.organizationId), sync.syncOrganization(globex.organizationId)]);
    expect([a.status, g.status]).toEqual(['success', 'success']);
    const live = async (organizationId: number) => (await storedRecords(app, organizationId)).filter((r) => !r.removed_upstream).map(keyOf).sort();
    const listed = async (fake: FakeMlflow) => (await allVersions(fake)).map((v) => `${v.name}@${v.version}`).sort();
    expect(await live(acme.organizationId)).toEqual(await listed(big));
    expect(await live(globex.organizationId)).toEqual(await listed(small));
    expect(g.counts?.updated).toBeGreaterThan(0);
    expect(a.counts?.updated).toBe(0);
  }, 30_000);
});
