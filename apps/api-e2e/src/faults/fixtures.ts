import { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Installation } from './stack';

const serverUrl = () => process.env['TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
export const testRedisUrl = () => process.env['TEST_REDIS_URL'] || 'redis://127.0.0.1:6379';

async function onServer<T>(work: (client: Client) => Promise<T>, url = serverUrl()): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** An empty database on the test server; the API migrates it when it starts. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mi_faults_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}

export const queryDatabase = <T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> => onServer(async (client) => (await client.query(sql, params)).rows as T[], url);

/** A BullMQ queue of the installation, to look at its schedulers and jobs from outside. */
export function queueOf(installation: Installation, name: string): Queue {
  const url = new URL(installation.redisUrl);
  return new Queue(name, { connection: { host: url.hostname, port: Number(url.port || 6379), db: Number(url.pathname.slice(1) || 0), maxRetriesPerRequest: null }, prefix: installation.queuePrefix });
}
