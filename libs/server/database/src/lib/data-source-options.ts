import { types } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

const DATE_OID = 1082;

// A `date` is a calendar day: keep pg's 'YYYY-MM-DD' text rather than a Date at local midnight, which a
// time zone west of UTC turns into the day before. Entities and raw queries then read it alike.
types.setTypeParser(DATE_OID, (text: string) => text);

export function dataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // A database that does not answer a connection attempt within 5 s gets the request a 503, not a hang.
    extra: { max: 20, connectionTimeoutMillis: 5_000 },
  };
}

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
