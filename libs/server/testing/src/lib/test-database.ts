import { runMigrations } from '@model-inventory/server-database';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where tests may create databases. `tools/testing/run-all-tests.mjs` points it at an embedded server when needed. */
export const testServerUrl = (): string => process.env['TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
}

/** A brand-new database with every migration applied: one per test run. */
export async function createTestDatabase(prefix = 'mi_test'): Promise<TestDatabase> {
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await onServer(testServerUrl(), (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(testServerUrl(), name);
  await runMigrations(url);
  return { name, url };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await onServer(testServerUrl(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
