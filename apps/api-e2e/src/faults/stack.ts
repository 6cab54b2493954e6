import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { freePort, Service, waitUntil, workspaceRoot } from './processes';

export const PASSWORD = 'correct horse battery staple';

/** What every process of one installation shares: the database, the queues, the signing key. */
export interface Installation {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
  secretsKey: string;
}

export const installationOn = (databaseUrl: string, redisUrl: string): Installation => ({
  databaseUrl,
  redisUrl,
  queuePrefix: `faults-${randomBytes(4).toString('hex')}`,
  jwtSecret: randomBytes(32).toString('base64url'),
  secretsKey: randomBytes(32).toString('base64'),
});

function envOf(installation: Installation, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    DATABASE_URL: installation.databaseUrl,
    REDIS_URL: installation.redisUrl,
    QUEUE_PREFIX: installation.queuePrefix,
    JWT_SECRET: installation.jwtSecret,
    SECRETS_KEY: installation.secretsKey,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SIGNUPS_PER_HOUR: '1000',
    OUTBOUND_ALLOW_PRIVATE: 'true',
    // Fast enough for a test to watch them work.
    OUTBOX_SWEEP_SECONDS: '1',
    OUTBOX_SWEEP_MIN_AGE_SECONDS: '1',
    JOB_SCHEDULES_RECHECK_SECONDS: '1',
    ...extra,
  };
}

export interface RunningApi {
  service: Service;
  baseUrl: string;
  http: () => ReturnType<typeof request>;
}

/** The built API as a process; resolves once /api/health answers 200. */
export async function startApi(installation: Installation, extra: Record<string, string> = {}): Promise<RunningApi> {
  const port = await freePort();
  const service = Service.start(`api:${port}`, process.execPath, [join(workspaceRoot, 'dist/apps/api/main.js')], envOf(installation, { PORT: String(port), ...extra }));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${baseUrl}/api/health`)).status === 200 || !service.running, 90_000, `${service.name} healthy`).catch((error: Error) => {
    throw new Error(`${error.message}\n${service.tail()}`);
  });
  if (!service.running) throw new Error(`${service.name} exited:\n${service.tail()}`);
  return { service, baseUrl, http: () => request(baseUrl) };
}

/** The built worker as a process; resolves once it has started. */
export async function startWorker(installation: Installation, extra: Record<string, string> = {}): Promise<Service> {
  const service = Service.start('worker', process.execPath, [join(workspaceRoot, 'dist/apps/worker/main.js')], envOf(installation, extra));
  await service.waitForLine(/worker started/i, 60_000);
  return service;
}

/** Registers an organisation; returns its Admin's Authorization header. */
export async function signUp(api: RunningApi): Promise<{ Authorization: string }> {
  const email = `admin-${randomBytes(4).toString('hex')}@example.com`;
  const { body } = await api.http().post('/api/auth/register').send({ organization_name: `Faults ${email}`, name: 'Admin', email, password: PASSWORD }).expect(201);
  return { Authorization: `Bearer ${body.access_token}` };
}

export const aModel = (version: string) => ({
  provider: 'OpenAI',
  model: 'GPT-4',
  version,
  approver: 'gov@example.com',
  capabilities: ['chat'],
  status_date: '2025-01-17',
  reference_link: 'https://docs.example.com',
  biases: 'Unknown',
  limitations: 'Context window',
  hosting_provider: 'Cloud',
});
