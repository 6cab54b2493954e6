import { startReceiver } from '../support/webhook-receiver';
import { freshDatabase, queryDatabase, queueOf } from './fixtures';
import { PrivateRedis, Service, waitUntil } from './processes';
import { aModel, Installation, installationOn, RunningApi, signUp, startApi, startWorker } from './stack';

/** Redis stopped under a running API and worker, then started again empty (no persistence). */
describe('Redis going away and coming back empty', () => {
  let redis: PrivateRedis;
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let installation: Installation;
  let api: RunningApi;
  let worker: Service;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    [redis, database, receiver] = await Promise.all([PrivateRedis.start(), freshDatabase(), startReceiver()]);
    installation = installationOn(database.url, redis.url);
    api = await startApi(installation);
    worker = await startWorker(installation);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.service.stop(), worker?.stop()]);
    await redis?.down();
    await receiver?.close();
    await database?.drop();
  }, 60_000);

  it('keeps reads and writes answering, reports the queue down, keeps the events, then delivers each exactly once and re-creates the job schedulers', async () => {
    const auth = await signUp(api);
    await api.http().post('/api/webhooks').set(auth).send({ url: receiver.url, events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
    await api.http().post('/api/modelInventory').set(auth).send(aModel('before')).expect(201);
    await waitUntil(() => receiver.received.length === 1, 20_000, 'the first event delivered');

    await redis.down();
    for (const version of ['down-1', 'down-2', 'down-3']) {
      const started = Date.now();
      await api.http().post('/api/modelInventory').set(auth).send(aModel(version)).expect(201);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
    expect((await api.http().get('/api/modelInventory').set(auth).expect(200)).body.total).toBe(4);
    const health = await api.http().get('/api/health').expect(503);
    expect(health.body.details).toMatchObject({ database: { status: 'up' }, queue: { status: 'down' } });
    const waiting = await queryDatabase<{ n: number }>(database.url, `SELECT count(*)::int AS n FROM automation_events WHERE dispatched_at IS NULL`);
    expect(waiting[0].n).toBe(3);

    await redis.up();
    await waitUntil(() => new Set(receiver.received.map((hook) => hook.body.id)).size === 4, 60_000, 'every event delivered after Redis came back');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const perEvent = receiver.received.reduce((counts, hook) => counts.set(hook.body.id, (counts.get(hook.body.id) ?? 0) + 1), new Map<unknown, number>());
    expect([...perEvent.values()]).toEqual([1, 1, 1, 1]);
    expect(worker.running).toBe(true);
    expect(worker.output.some((line) => line.includes('was missing (Redis restarted empty or flushed?)'))).toBe(true);
    const automation = queueOf(installation, 'automation');
    const history = queueOf(installation, 'history');
    try {
      expect(await automation.getJobScheduler('automation-outbox-sweep')).toBeTruthy();
      expect(await history.getJobScheduler('history-daily-snapshots')).toBeTruthy();
    } finally {
      await Promise.all([automation.close(), history.close()]);
    }
    await api.http().get('/api/health').expect(200);
  }, 150_000);
});
