import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { freshDatabase, testRedisUrl } from './fixtures';
import { Service, waitUntil } from './processes';
import { aModel, Installation, installationOn, RunningApi, signUp, startApi, startWorker } from './stack';

/** A receiver that takes its time, so deliveries are in progress when the worker dies. */
async function slowReceiver(delayMs: number) {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      seen.push(JSON.parse(Buffer.concat(chunks).toString('utf8')).id);
      setTimeout(() => res.writeHead(204).end(), delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`, seen, close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))) };
}

describe('the worker killed in the middle of deliveries', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let installation: Installation;
  let api: RunningApi;
  const workers: Service[] = [];

  beforeAll(async () => {
    database = await freshDatabase();
    installation = installationOn(database.url, testRedisUrl());
    api = await startApi(installation);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([api?.service.stop(), ...workers.map((worker) => worker.stop())]);
    await database?.drop();
  }, 60_000);

  it('has another worker finish them: the receiver sees every event at least once, and can dedupe by its id', async () => {
    const receiver = await slowReceiver(3_000);
    try {
      const auth = await signUp(api);
      await api.http().post('/api/webhooks').set(auth).send({ url: receiver.url, events: ['model_added'], secret: 'sixteen-chars-secret' }).expect(201);
      workers.push(await startWorker(installation));
      for (let i = 0; i < 8; i++) await api.http().post('/api/modelInventory').set(auth).send(aModel(`kill-${i}`)).expect(201);
      await waitUntil(() => receiver.seen.length >= 3, 30_000, 'deliveries in progress');
      const seenBeforeKill = receiver.seen.length;
      await workers[0].stop('SIGKILL');
      workers.push(await startWorker(installation));
      const { body: webhooks } = await api.http().get('/api/webhooks').set(auth).expect(200);
      const succeeded = async () => {
        const { body } = await api.http().get(`/api/webhooks/${webhooks.items[0].id}/deliveries?limit=100`).set(auth).expect(200);
        return new Set(body.items.filter((d: { status: string }) => d.status === 'succeeded').map((d: { event_uuid: string }) => d.event_uuid));
      };
      // BullMQ hands the dead worker's jobs to the live one once their locks expire (30 s).
      await waitUntil(async () => (await succeeded()).size === 8, 120_000, 'every delivery recorded as succeeded by the second worker');
      // What the dead worker had sent reaches the receiver again: at least once, never lost; receivers dedupe by id.
      expect(seenBeforeKill).toBeGreaterThan(0);
      expect(receiver.seen.length).toBeGreaterThan(seenBeforeKill);
      expect(await succeeded()).toEqual(new Set(receiver.seen));
    } finally {
      await receiver.close();
    }
  }, 200_000);
});
