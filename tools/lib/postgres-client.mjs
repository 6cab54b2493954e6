// @ts-check
// Client-side PostgreSQL helpers over `pg`: probe a server, create and drop databases, rewrite and redact URLs.
import pg from 'pg';

/**
 * Connects and runs `select 1`. Never throws: `{ ok: true }` or `{ ok: false, error }`.
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ ok: true } | { ok: false, error: string }>}
 */
export async function probePostgres(url, { timeoutMs = 2000 } = {}) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    const failure = /** @type {Partial<NodeJS.ErrnoException>} */ (error);
    return {
      ok: false,
      error: failure.message || failure.code || String(error),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * @param {string} url
 * @param {{ timeoutMs?: number }} [options]
 */
export async function isPostgresReachable(url, options) {
  return (await probePostgres(url, options)).ok;
}

/**
 * Runs `fn(client)` with a connected client and always disconnects.
 * @template T
 * @param {string} url
 * @param {(client: pg.Client) => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function withClient(url, fn) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * True when no client other than this check is connected to the server of `serverUrl`.
 * @param {string} serverUrl
 */
export async function hasNoOtherSessions(serverUrl) {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query(
      `select count(*)::int as sessions from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()`,
    );
    return rows[0].sessions === 0;
  });
}

/**
 * Creates `name` on the server of `serverUrl` unless it exists. Returns true when it was created.
 * @param {string} serverUrl
 * @param {string} name
 */
export async function createDatabaseIfMissing(serverUrl, name) {
  assertDatabaseName(name);
  return withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query(
      'select 1 from pg_database where datname = $1',
      [name],
    );
    if ((rowCount ?? 0) > 0) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // created concurrently
      if (/** @type {{ code?: string }} */ (error).code === '42P04')
        return false;
      throw error;
    }
  });
}

/**
 * Drops `name`, disconnecting its sessions first (PostgreSQL 13+).
 * @param {string} serverUrl
 * @param {string} name
 */
export async function dropDatabaseIfExists(serverUrl, name) {
  assertDatabaseName(name);
  await withClient(serverUrl, (client) =>
    client.query(
      `drop database if exists ${client.escapeIdentifier(name)} with (force)`,
    ),
  );
}

/** @param {string} name */
function assertDatabaseName(name) {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name))
    throw new Error(`Unsafe database name: ${name}`);
}

/**
 * The same server URL pointing at another database.
 * @param {string} url
 * @param {string} database
 */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * The URL with its password masked, for logs and banners.
 * @param {string} url
 */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
