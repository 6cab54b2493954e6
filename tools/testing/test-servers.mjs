// @ts-check
// The PostgreSQL server and the Redis server that tests use, with the fallbacks of a fresh laptop:
//   TEST_PG_URL    (default postgres://postgres@127.0.0.1:5432/postgres) → else embedded PG in .data/test-pg:54332
//   TEST_REDIS_URL (default redis://127.0.0.1:6379)                    → else '' : BullMQ's PostgreSQL backend
import { hostname } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../lib/paths.mjs';
import { runningProcessName } from '../lib/processes.mjs';
import {
  dropDatabaseIfExists,
  ensurePostgres,
  probePostgres,
  redactUrl,
  withClient,
} from '../lib/postgres.mjs';
import { probeRedis } from '../lib/redis.mjs';

export const DEFAULT_TEST_PG_URL =
  'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_TEST_REDIS_URL = 'redis://127.0.0.1:6379';
export const EMBEDDED_TEST_PG_PORT = 54332;
export const testDataRoot = join(repoRoot, '.data');

/** Durability is pointless for throwaway test data; these settings make DDL-heavy tests much faster. */
const FAST_UNSAFE_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: 300,
};

/**
 * The server URL (maintenance database) for tests. Starts the embedded fallback when TEST_PG_URL is unreachable.
 * @returns {Promise<{ serverUrl: string, description: string, embedded?: Awaited<ReturnType<typeof ensurePostgres>> }>}
 */
/** @param {{ log?: (line: string) => void }} [options] */
export async function resolveTestPostgres({ log = () => undefined } = {}) {
  const configured = process.env.TEST_PG_URL || DEFAULT_TEST_PG_URL;
  const probe = await probePostgres(configured);
  if (probe.ok)
    return {
      serverUrl: configured,
      description: `PostgreSQL at ${redactUrl(configured)}`,
    };

  const dataDir = join(testDataRoot, 'test-pg');
  log(
    `TEST_PG_URL ${redactUrl(configured)} is not reachable (${probe.error}); ` +
      `using embedded PostgreSQL in .data/test-pg on port ${EMBEDDED_TEST_PG_PORT}`,
  );
  const embedded = await ensurePostgres({
    dataDir,
    port: EMBEDDED_TEST_PG_PORT,
    settings: FAST_UNSAFE_SETTINGS,
    log,
    portHint:
      'free that port, or set TEST_PG_URL to a reachable PostgreSQL server',
  });
  return {
    serverUrl: embedded.url('postgres'),
    description:
      `embedded PostgreSQL ${embedded.version} ` +
      `(${embedded.relocatedFrom ? embedded.dataDir : '.data/test-pg'}, port ${EMBEDDED_TEST_PG_PORT})`,
    embedded,
  };
}

/**
 * The Redis URL for tests, or '' when queues must use BullMQ's PostgreSQL backend.
 * TEST_REDIS_URL='' (set but empty) means "no Redis" without probing.
 */
/** @param {{ log?: (line: string) => void }} [options] */
export async function resolveTestRedis({ log = () => undefined } = {}) {
  if (process.env.TEST_REDIS_URL === '')
    return {
      redisUrl: '',
      description: "BullMQ's PostgreSQL backend (TEST_REDIS_URL='')",
    };
  const configured = process.env.TEST_REDIS_URL || DEFAULT_TEST_REDIS_URL;
  const probe = await probeRedis(configured);
  if (probe.ok)
    return {
      redisUrl: configured,
      description: `Redis at ${redactUrl(configured)}`,
    };
  log(
    `Redis at ${redactUrl(configured)} is not reachable (${probe.error}); queues use BullMQ's PostgreSQL backend`,
  );
  return {
    redisUrl: '',
    description: `BullMQ's PostgreSQL backend (no Redis at ${redactUrl(configured)})`,
  };
}

// ------------------------------------------------------------------------------------------------------------
// Throwaway e2e databases: mi_e2e_<timestamp>_<random>, tagged with the pid of the stack that owns them.

export const E2E_DATABASE_PREFIX = 'mi_e2e_';
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * Records which process owns a throwaway database, so a later sweep can tell an abandoned one.
 * @param {string} serverUrl
 * @param {string} name
 */
export async function tagDatabaseOwner(serverUrl, name) {
  const owner = JSON.stringify({ pid: process.pid, host: hostname() });
  await withClient(serverUrl, (client) =>
    client.query(
      `comment on database ${client.escapeIdentifier(name)} is ${client.escapeLiteral(owner)}`,
    ),
  );
}

/**
 * Drops e2e databases whose stack is gone (killed with SIGKILL, as Playwright does by default): the owner
 * process no longer runs on this host (sessions still closing are cut), or nobody is connected and the
 * database is older than 6 hours.
 * @param {string} serverUrl
 * @param {{ log?: (line: string) => void }} [options]
 */
export async function sweepAbandonedE2eDatabases(
  serverUrl,
  { log = () => undefined } = {},
) {
  const candidates = await withClient(serverUrl, async (client) => {
    /** @type {import('pg').QueryResult<E2eDatabase>} */
    const { rows } = await client.query(
      `select d.datname as name, shobj_description(d.oid, 'pg_database') as owner,
              exists (select 1 from pg_stat_activity a where a.datname = d.datname) as in_use
         from pg_database d
        where d.datname like $1`,
      [`${E2E_DATABASE_PREFIX}%`],
    );
    return rows;
  });
  /** @type {string[]} */
  const dropped = [];
  for (const { name } of candidates.filter(isAbandoned)) {
    await dropDatabaseIfExists(serverUrl, name).then(
      () => dropped.push(name),
      (/** @type {Error} */ error) =>
        log(`could not drop ${name}: ${error.message}`),
    );
  }
  if (dropped.length > 0)
    log(
      `dropped ${dropped.length} abandoned e2e database(s): ${dropped.join(', ')}`,
    );
  return dropped;
}

/** @typedef {{ name: string, owner: string | null, in_use: boolean }} E2eDatabase */

/** @param {E2eDatabase} database */
function isAbandoned({ name, owner, in_use: inUse }) {
  try {
    const { pid, host } = JSON.parse(owner ?? '');
    if (host === hostname() && !runningProcessName(pid)) return true;
  } catch {
    // no owner recorded: only the age rule applies
  }
  const createdAt = Number(
    name.slice(E2E_DATABASE_PREFIX.length).split('_')[0],
  );
  return !inUse && Date.now() - createdAt > ABANDONED_AFTER_MS;
}
