import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { TestingModuleBuilder } from '@nestjs/testing';
import { MlflowSyncStatusResponse } from '@model-inventory/contracts';
import { AppConfig, loggingParams, QueueName } from '@model-inventory/server-core';
import { MLFLOW_RETRY_POLICY, MlflowModule, MlflowWorkerModule } from '@model-inventory/server-mlflow';
import { createTestApp, createTestWorker, registerOrganization, testAppConfig, TestSession } from '@model-inventory/server-testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Logger, PARAMS_PROVIDER_TOKEN } from 'nestjs-pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { FakeMlflow, startFakeMlflow } from './mlflow-fake-process';

// Recognisable values: if any of them, or its base64 (as in a Basic header), shows up anywhere, it leaked.
const USERNAME = 'svc-mlflow-reader';
const PASSWORD = 'pw-S3CRET-basic-7d1f9a2c';
const WRONG_PASSWORD = 'pw-S3CRET-wrong-0b6e55d1';
const TOKEN = 'tok-S3CRET-bearer-41be2c9f';
const WRONG_TOKEN = 'tok-S3CRET-wrong-93aa07e4';
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const FORBIDDEN = [PASSWORD, WRONG_PASSWORD, TOKEN, WRONG_TOKEN].flatMap((secret) => [secret, base64(secret)]).concat(base64(`${USERNAME}:${PASSWORD}`), base64(`${USERNAME}:${WRONG_PASSWORD}`));

/** Every log line of a process goes to `lines` (the real pino settings, at the most verbose level). */
const logsInto = (config: AppConfig, lines: string[]) => (builder: TestingModuleBuilder) => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return builder.overrideProvider(PARAMS_PROVIDER_TOKEN).useValue({ ...loggingParams(config), pinoHttp: [loggingParams(config).pinoHttp, stream] });
};

describe('MLflow secrets never leave the server: not in responses, log lines or job payloads (real PostgreSQL, Redis, fake MLflow)', () => {
  const config = testAppConfig({ LOG_LEVEL: 'trace' });
  const logs: string[] = [];
  const responses: string[] = [];
  const queued: string[] = [];
  let app: NestExpressApplication;
  let worker: INestApplicationContext | undefined;
  let queue: Queue;
  let basicFake: FakeMlflow;
  let tokenFake: FakeMlflow;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    [app, basicFake, tokenFake] = await Promise.all([
      createTestApp([MlflowModule], config, logsInto(config, logs)),
      startFakeMlflow(['--auth', 'basic', '--username', USERNAME, '--password', PASSWORD, '--models', '5']),
      startFakeMlflow(['--auth', 'token', '--token', TOKEN, '--models', '5']),
    ]);
    queue = app.get<Queue>(getQueueToken(QueueName.mlflow), { strict: false });
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await Promise.all([basicFake?.stop(), tokenFake?.stop(), app?.close()]);
  });

  const http = () => request(app.getHttpServer());
  const seen = <T extends { text: string }>(response: T): T => (responses.push(response.text), response);
  const put = async (session: TestSession, body: object) => seen(await http().put('/api/integrations/mlflow/config').set(session.auth).send(body).expect(200));
  const test = async (session: TestSession) => seen(await http().post('/api/integrations/mlflow/test').set(session.auth).expect(200)).body as { success: boolean; message: string };
  const requestSync = async (session: TestSession) => seen(await http().post('/api/integrations/mlflow/sync').set(session.auth).expect(202));
  /** The status once no sync is queued or running and `status` says the awaited one is recorded. */
  async function settled(session: TestSession, status: string): Promise<MlflowSyncStatusResponse> {
    for (let i = 0; i < 150; i++) {
      const current = seen(await http().get('/api/integrations/mlflow/sync-status').set(session.auth).expect(200)).body as MlflowSyncStatusResponse;
      if (current.state === 'idle' && current.last_sync_status === status) return current;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the sync did not finish within 15 s');
  }

  /** The jobs BullMQ holds for the queue, and (on Redis) every key under the run's queue prefix, as text. */
  async function snapshotQueue(): Promise<void> {
    for (const job of await queue.getJobs(['waiting', 'delayed', 'active', 'prioritized', 'completed', 'failed'])) queued.push(JSON.stringify(job.asJSON()));
    if (!config.redisUrl) return;
    const redis = new Redis(config.redisUrl, { lazyConnect: true });
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'hash' ? await redis.hgetall(key)
          : type === 'list' ? await redis.lrange(key, 0, -1)
          : type === 'zset' ? await redis.zrange(key, 0, -1)
          : type === 'set' ? await redis.smembers(key)
          : type === 'stream' ? await redis.xrange(key, '-', '+')
          : type === 'string' ? await redis.get(key)
          : null;
        queued.push(`${key} ${JSON.stringify(value)}`);
      }
    } while (cursor !== '0');
    await redis.quit();
  }

  it('keeps basic and token credentials out of everything while testing, syncing and failing', async () => {
    await put(acme, { tracking_server_url: basicFake.url, auth_method: 'basic', username: USERNAME, password: PASSWORD });
    expect(await test(acme)).toMatchObject({ success: true });
    await put(globex, { tracking_server_url: tokenFake.url, auth_method: 'token', api_token: TOKEN });
    expect(await test(globex)).toMatchObject({ success: true });

    // No worker yet: the jobs wait in the queue, payloads and all, to be read.
    const [acmeJob, globexJob] = [(await requestSync(acme)).body.job_id, (await requestSync(globex)).body.job_id];
    await snapshotQueue();
    expect(queued.join('\n')).toContain(acmeJob);
    expect(queued.join('\n')).toContain(globexJob);

    worker = await createTestWorker([MlflowWorkerModule], config, (builder) => logsInto(config, logs)(builder).overrideProvider(MLFLOW_RETRY_POLICY).useValue({ retries: 0, baseDelayMs: 0, maxDelayMs: 0 }));
    worker.useLogger(worker.get(Logger));
    expect((await settled(acme, 'success')).last_sync_counts).toMatchObject({ versions: 15 });
    expect((await settled(globex, 'success')).last_sync_counts).toMatchObject({ versions: 15 });
    await snapshotQueue();

    // MLflow starts refusing the credentials during a sync: an auth error, recorded and logged.
    await basicFake.control.setFaults({ failEndpoint: { endpoint: 'model-versions/search', status: 401 } });
    await requestSync(acme);
    await snapshotQueue();
    const refused = await settled(acme, 'error');
    await basicFake.control.clearFaults();
    expect(refused).toMatchObject({ last_sync_message: expect.stringMatching(/^Authentication failed/) });

    // Wrong credentials: the connection test says so in plain words.
    await put(acme, { tracking_server_url: basicFake.url, auth_method: 'basic', username: USERNAME, password: WRONG_PASSWORD });
    expect((await test(acme)).message).toMatch(/refused the credentials \(401\)/);
    await put(globex, { tracking_server_url: tokenFake.url, auth_method: 'token', api_token: WRONG_TOKEN });
    expect((await test(globex)).message).toMatch(/API token/);

    for (const session of [acme, globex]) {
      seen(await http().get('/api/integrations/mlflow/config').set(session.auth).expect(200));
      seen(await http().get('/api/integrations/mlflow/models?limit=500').set(session.auth).expect(200));
      seen(await http().get('/api/audit-events').set(session.auth));
    }
    await snapshotQueue();

    // The captures are real: they hold what happened.
    const logText = logs.join('');
    expect(logText).toContain('/api/integrations/mlflow/test');
    expect(logText).toMatch(/MLflow sync of organisation \d+: error \(Authentication failed/);
    expect(responses.join('\n')).toContain('has_password');
    for (const secret of FORBIDDEN) {
      expect({ where: 'logs', found: logText.includes(secret) }).toEqual({ where: 'logs', found: false });
      expect({ where: 'responses', found: responses.some((text) => text.includes(secret)) }).toEqual({ where: 'responses', found: false });
      expect({ where: 'queue', found: queued.some((text) => text.includes(secret)) }).toEqual({ where: 'queue', found: false });
    }
  }, 60_000);
});
