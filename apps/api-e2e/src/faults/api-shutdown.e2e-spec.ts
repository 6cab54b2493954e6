import { Agent } from 'node:http';
import { freshDatabase, testRedisUrl } from './fixtures';
import { timedRequest } from './load';
import { aModel, installationOn, RunningApi, signUp, startApi } from './stack';

/** SIGTERM while requests are in flight: the way an orchestrator stops a replica. */
describe('the API stopped with SIGTERM under load', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let api: RunningApi;

  beforeAll(async () => {
    database = await freshDatabase();
    api = await startApi(installationOn(database.url, testRedisUrl()));
  }, 180_000);

  afterAll(async () => {
    await api?.service.stop();
    await database?.drop();
  }, 60_000);

  it('finishes every request in flight, refuses new connections, and exits 0 within the shutdown timeout', async () => {
    const auth = await signUp(api);
    // Enough rows that 50 pages of 500 keep the API busy for a while.
    for (let batch = 0; batch < 30; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => api.http().post('/api/modelInventory').set(auth).send(aModel(`v${batch}.${i}`)).expect(201)));
    }
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const headers = { Authorization: auth.Authorization };
    // Open 50 keep-alive connections first, so every request below is in flight on an accepted connection.
    await Promise.all(Array.from({ length: 50 }, () => timedRequest(`${api.baseUrl}/api/health`, { agent })));

    const inFlight = Array.from({ length: 50 }, () => timedRequest(`${api.baseUrl}/api/modelInventory?limit=500`, { headers, agent }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const stoppedAt = Date.now();
    api.service.signal('SIGTERM');
    await api.service.waitForLine(/SIGTERM: no new connections/, 10_000);
    const drainingSeenAt = Date.now();
    const refused = await timedRequest(`${api.baseUrl}/api/health`);
    const outcomes = await Promise.all(inFlight);
    const exit = await api.service.exited;
    agent.destroy();

    expect(outcomes.map((o) => o.status ?? o.error)).toEqual(Array(50).fill(200));
    // The drain was real: requests were still running when the process had stopped taking connections.
    expect(outcomes.filter((o) => o.at + o.ms > drainingSeenAt).length).toBeGreaterThan(0);
    expect(refused.error).toBe('ECONNREFUSED');
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stoppedAt).toBeLessThan(20_000);
  }, 120_000);
});
