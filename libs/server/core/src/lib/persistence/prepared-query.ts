import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();
const MAX_NAMES = 500;

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `q_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named statement, which PostgreSQL parses and plans once per connection instead of on
 * every call: for the long composed write statements, planning costs more than executing. Runs in the
 * transaction of `manager` when it has one, otherwise on a pooled connection of its own (and so commits
 * alone). It is logged, and its errors are TypeORM's `QueryFailedError`, as for any other query.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const ownsRunner = !manager.queryRunner;
  try {
    // QueryRunner.connect() resolves to the driver's connection: for PostgreSQL, a pg client.
    const client = (await runner.connect()) as PgClient;
    manager.connection.logger.logQuery(text, values, runner);
    return (await client.query({ name: nameOf(text), text, values })).rows as T[];
  } catch (error) {
    throw error instanceof QueryFailedError ? error : new QueryFailedError(text, values, error as Error);
  } finally {
    if (ownsRunner) await runner.release();
  }
}
