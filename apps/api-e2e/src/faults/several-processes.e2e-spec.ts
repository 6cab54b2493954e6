import { startReceiver } from '../support/webhook-receiver';
import { freshDatabase, queryDatabase, queueOf, testRedisUrl } from './fixtures';
import { Service, waitUntil } from './processes';
import { aModel, Installation, installationOn, RunningApi, signUp, startApi, startWorker } from './stack';

/** The topology of `docker compose up --scale api=2 --scale worker=2`, as processes. */
describe('two API and two worker processes on one PostgreSQL and one Redis', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let installation: Installation;
  const apis: RunningApi[] = [];
  const workers: Service[] = [];
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    [database, receiver] = await Promise.all([freshDatabase(), startReceiver()]);
    installation = installationOn(database.url, testRedisUrl());
    // The first API migrates; the others start on the migrated database (migrations are a one-off job).
    apis.push(await startApi(installation));
    apis.push(await startApi(installation, { MIGRATIONS_RUN: 'false' }));
    workers.push(...(await Promise.all([startWorker(installation), startWorker(installation)])));
  }, 240_000);

  afterAll(async () => {
    await Promise.all([...apis.map((api) => api.service.stop()), ...workers.map((worker) => worker.stop())]);
    await receiver?.close();
    await database?.drop();
  }, 60_000);

  it('keeps one of each job scheduler, and runs each scheduled job once per tick', async () => {
    for (const [queueName, ids] of [['system', ['system-heartbeat']], ['automation', ['automation-outbox-sweep']], ['history', ['history-daily-snapshots']]] as const) {
      const queue = queueOf(installation, queueName);
      try {
        expect((await queue.getJobSchedulers()).map((scheduler) => scheduler.key)).toEqual([...ids]);
      } finally {
        await queue.close();
      }
    }
    const automation = queueOf(installation, 'automation');
    try {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const sweeps = (await automation.getJobs(['completed'], 0, 100)).filter((job) => job.name === 'automation.sweep-outbox');
      // A scheduled job's id names its tick (`repeat:<scheduler>:<millis>`): one job per tick, ticks a period apart.
      const ticks = sweeps.map((job) => Number(String(job.id).split(':').pop())).sort((a, b) => a - b);
      expect(ticks.length).toBeGreaterThanOrEqual(4);
      expect(new Set(ticks).size).toBe(ticks.length);
      expect(ticks.slice(1).map((tick, i) => tick - ticks[i])).toEqual(Array(ticks.length - 1).fill(1_000));
    } finally {
      await automation.close();
    }
  }, 60_000);

  it('delivers each event once, and keeps history and snapshots consistent under writes through both APIs', async () => {
    const auth = await signUp(apis[0]);
    await apis[1].http().post('/api/webhooks').set(auth).send({ url: receiver.url, events: ['model_added', 'model_updated'], secret: 'sixteen-chars-secret' }).expect(201);
    const models: number[] = [];
    for (let i = 0; i < 6; i++) models.push((await apis[i % 2].http().post('/api/modelInventory').set(auth).send(aModel(`multi-${i}`)).expect(201)).body.id);
    const statuses = ['Approved', 'Restricted', 'Blocked', 'Pending'];
    const patches = await Promise.all(
      Array.from({ length: 24 }, (_, i) => apis[i % 2].http().patch(`/api/modelInventory/${models[i % models.length]}`).set(auth).send({ status: statuses[i % statuses.length], version: `p${i}` })),
    );
    expect(patches.every((response) => response.status === 200)).toBe(true);

    const [{ events }] = await queryDatabase<{ events: number }>(database.url, `SELECT count(*)::int AS events FROM automation_events`);
    expect(events).toBe(30);
    await waitUntil(() => receiver.received.length >= 30, 60_000, 'every event delivered');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const ids = receiver.received.map((hook) => hook.body.id);
    expect(new Set(ids).size).toBe(30);
    expect(ids).toHaveLength(30);

    const [history] = await queryDatabase<{ rows: number }>(database.url, `SELECT count(*)::int AS rows FROM change_history WHERE entity_type = 'model' AND action = 'updated' AND field_name = 'version'`);
    expect(history.rows).toBe(24);
    const { body: live } = await apis[0].http().get('/api/modelInventoryHistory/current-counts?parameter=status').set(auth).expect(200);
    const [latest] = await queryDatabase<{ snapshot_data: Record<string, number> }>(
      database.url,
      `SELECT snapshot_data FROM model_inventory_snapshots WHERE parameter = 'status' ORDER BY recorded_at DESC, id DESC LIMIT 1`,
    );
    expect(latest.snapshot_data).toEqual(live.counts);
  }, 120_000);
});
