import { startReceiver } from '../support/webhook-receiver';
import { testRedisUrl } from './fixtures';
import { steadyLoad, timedRequest } from './load';
import { PrivatePostgres, Service, waitUntil } from './processes';
import { aModel, installationOn, RunningApi, signUp, startApi, startWorker } from './stack';

/** PostgreSQL stopped under load and started again, under a running API and worker. */
describe('PostgreSQL restarting under load', () => {
  let postgres: PrivatePostgres;
  let api: RunningApi;
  let worker: Service;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    [postgres, receiver] = await Promise.all([PrivatePostgres.start(), startReceiver()]);
    const installation = installationOn(postgres.url, testRedisUrl());
    api = await startApi(installation);
    worker = await startWorker(installation);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.service.stop(), worker?.stop()]);
    await postgres?.destroy();
    await receiver?.close();
  }, 60_000);

  it('answers 503 problem documents quickly during the outage, never 500, and recovers by itself', async () => {
    const auth = await signUp(api);
    await api.http().post('/api/webhooks').set(auth).send({ url: receiver.url, events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
    const headers = { ...auth, 'Content-Type': 'application/json' };
    const load = steadyLoad(4, (i) =>
      i % 2 === 0
        ? timedRequest(`${api.baseUrl}/api/modelInventory?limit=20`, { headers })
        : timedRequest(`${api.baseUrl}/api/modelInventory`, { method: 'POST', headers, body: JSON.stringify(aModel(`load-${i}`)) }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const outageStarted = Date.now();
    await postgres.down();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    await postgres.up();
    const recoveredBy = Date.now();
    await waitUntil(async () => (await timedRequest(`${api.baseUrl}/api/modelInventory?limit=1`, { headers })).status === 200, 30_000, 'the API answering 200 again');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const outcomes = await load.stop();

    const statuses = new Set(outcomes.map((o) => o.status ?? o.error));
    expect([...statuses].filter((s) => ![200, 201, 503].includes(s as number))).toEqual([]);
    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((o) => o.contentType?.startsWith('application/problem+json') && o.retryAfter === '5')).toBe(true);
    expect(Math.max(...unavailable.map((o) => o.ms))).toBeLessThan(6_000);
    expect(outcomes.filter((o) => o.at > recoveredBy + 2_000).every((o) => o.status === 200 || o.status === 201)).toBe(true);
    expect(outcomes.filter((o) => o.at + o.ms < outageStarted).every((o) => o.status === 200 || o.status === 201)).toBe(true);

    // Both processes recovered without a restart: a new event goes all the way to the webhook.
    expect(api.service.running && worker.running).toBe(true);
    const { body: model } = await api.http().post('/api/modelInventory').set(auth).send(aModel('after')).expect(201);
    await waitUntil(() => receiver.received.some((hook) => hook.body.data.model.id === model.id), 30_000, 'the worker delivering an event after the outage');
  }, 150_000);
});
