import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from './data-source-options';
import { MIGRATIONS } from './migrations';

// Its own empty database (not the run's shared one), since it reverts everything.
const serverUrl = process.env['TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `mi_migrations_${Date.now()}`;

async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

describe('migrations (real PostgreSQL)', () => {
  const database = { url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString() };
  let dataSource: DataSource;

  beforeAll(async () => {
    await onServer(`CREATE DATABASE "${name}"`);
    await runMigrations(database.url);
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('applies every migration to a fresh database and records each once', async () => {
    const rows = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id');
    expect(rows.map((r: { name: string }) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    await expect(runMigrations(database.url)).resolves.toEqual([]);
  });

  it('seeds the reference frameworks', async () => {
    const rows = await dataSource.query('SELECT name FROM frameworks');
    expect(rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(['EU AI Act', 'ISO/IEC 42001', 'NIST AI RMF', 'ISO/IEC 27001']));
  });

  it('reverts every migration and re-applies them cleanly', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`);
    expect(tables[0].n).toBe(0);
    expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
  });
});
