import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';

interface PgQueryable {
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
 * transaction of `manager` when it has one, otherwise on its own pooled connection (and so commits alone).
 * It is logged, and its errors are TypeORM's `QueryFailedError`, as for any other query.
 */
export async function queryPrepared<T>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const runner = manager.queryRunner;
  const client = (runner ? await runner.connect() : (manager.connection.driver as unknown as { master: PgQueryable }).master) as PgQueryable;
  manager.connection.logger.logQuery(text, values, runner);
  try {
    return (await client.query({ name: nameOf(text), text, values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
