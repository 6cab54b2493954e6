// @ts-check
// What the launcher fills in when the user did not set it: the database (embedded PostgreSQL), the queue backend
// (BullMQ on PostgreSQL), JWT_SECRET and SECRETS_KEY (generated once). Values the user did set are checked instead.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { relativeToRepo } from '../lib/paths.mjs';
import { ensurePostgres, probePostgres, redactUrl } from '../lib/postgres.mjs';
import { probeRedis } from '../lib/redis.mjs';
import { labelledWriter } from '../lib/output.mjs';

/** @typedef {Awaited<ReturnType<typeof ensurePostgres>>} EmbeddedPostgres */

const DEFAULT_EMBEDDED_PG_PORT = 54331;
const DATABASE_NAME = 'model_inventory';
const MIN_JWT_SECRET_LENGTH = 32;

const say = labelledWriter('launcher', 'blue');

/**
 * DATABASE_URL from the environment (checked), or the embedded server in <data>/pg, whose handle goes to
 * `onEmbeddedStarted` as soon as it runs (so that a later failure still stops it). As root in a folder the
 * "postgres" OS user cannot reach, the cluster lives in /var/lib/model-inventory instead: `note` says so.
 * @param {NodeJS.ProcessEnv} env  DATABASE_URL is set in it
 * @param {string} dataDir
 * @param {{ onEmbeddedStarted: (postgres: EmbeddedPostgres) => void }} hooks
 * @returns {Promise<{ description: string, note?: string }>}
 */
export async function resolveDatabase(env, dataDir, { onEmbeddedStarted }) {
  if (env.DATABASE_URL) {
    const probe = await probePostgres(env.DATABASE_URL);
    if (!probe.ok)
      throw new Error(
        `Cannot reach DATABASE_URL ${redactUrl(env.DATABASE_URL)}: ${probe.error}`,
      );
    return { description: redactUrl(env.DATABASE_URL) };
  }
  const port = Number(env.EMBEDDED_PG_PORT || DEFAULT_EMBEDDED_PG_PORT);
  const pgDir = join(dataDir, 'pg');
  say(
    `DATABASE_URL is not set: starting embedded PostgreSQL in ${relativeToRepo(pgDir)} on port ${port}`,
  );
  const postgres = await ensurePostgres({
    dataDir: pgDir,
    port,
    log: say,
    portHint:
      'set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use your own PostgreSQL',
  });
  onEmbeddedStarted(postgres);
  await postgres.createDatabaseIfMissing(DATABASE_NAME);
  env.DATABASE_URL = postgres.url(DATABASE_NAME);
  return {
    description:
      `embedded PostgreSQL ${postgres.version} in ${relativeToRepo(postgres.dataDir)} ` +
      `(127.0.0.1:${port}, database ${DATABASE_NAME})`,
    note: postgres.relocatedFrom
      ? `moved out of ${relativeToRepo(dataDir)}, which the "postgres" OS user could not reach; ` +
        `${relativeToRepo(pgDir)} links to it`
      : undefined,
  };
}

/**
 * REDIS_URL from the environment (checked), or none: BullMQ then uses its PostgreSQL backend.
 * @param {NodeJS.ProcessEnv} env  an empty REDIS_URL is removed from it
 * @returns {Promise<{ description: string }>}
 */
export async function resolveQueue(env) {
  if (!env.REDIS_URL) {
    delete env.REDIS_URL; // an empty value means "unset"
    say(
      'REDIS_URL is not set: queues run on BullMQ\'s PostgreSQL backend (schema "bullmq" in the same database)',
    );
    return {
      description:
        'BullMQ on PostgreSQL (schema "bullmq"); set REDIS_URL to use Redis',
    };
  }
  const probe = await probeRedis(env.REDIS_URL);
  if (!probe.ok)
    throw new Error(
      `Cannot reach REDIS_URL ${redactUrl(env.REDIS_URL)}: ${probe.error}. Unset it to queue on PostgreSQL.`,
    );
  return { description: `BullMQ on Redis at ${redactUrl(env.REDIS_URL)}` };
}

/**
 * The secret from the environment, else the one kept in <data>/jwt-secret, generated on first use.
 * @param {string | undefined} fromEnv
 * @param {string} dataDir
 * @returns {Promise<string>}
 */
export async function resolveJwtSecret(fromEnv, dataDir) {
  if (fromEnv) {
    if (fromEnv.length < MIN_JWT_SECRET_LENGTH)
      throw new Error(
        'JWT_SECRET must be at least 32 characters long (or unset it to use a generated one).',
      );
    return fromEnv;
  }
  const file = join(dataDir, 'jwt-secret');
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (kept.length >= MIN_JWT_SECRET_LENGTH) return kept;
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  say(
    `JWT_SECRET is not set: generated one and kept it in ${relativeToRepo(file)}`,
  );
  return secret;
}

const SECRETS_KEY_PATTERN = /^[A-Za-z0-9+/_-]{43}=?$/;
/** @param {string} value */
const isSecretsKey = (value) => SECRETS_KEY_PATTERN.test(value) && Buffer.from(value, 'base64').length === 32;

/**
 * The key that encrypts integration secrets: from the environment (checked), else the one kept in
 * <data>/secrets-key, generated on first use. Losing it makes stored MLflow credentials unreadable.
 * @param {string | undefined} fromEnv
 * @param {string} dataDir
 * @returns {Promise<string>}
 */
export async function resolveSecretsKey(fromEnv, dataDir) {
  if (fromEnv) {
    if (!isSecretsKey(fromEnv.trim()))
      throw new Error('SECRETS_KEY must be 32 bytes encoded as base64 (or unset it to use a generated one).');
    return fromEnv.trim();
  }
  const file = join(dataDir, 'secrets-key');
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (isSecretsKey(kept)) return kept;
  if (kept) throw new Error(`${relativeToRepo(file)} does not hold a valid SECRETS_KEY; restore it from a backup (a new key cannot read stored secrets).`);
  const key = randomBytes(32).toString('base64');
  await writeFile(file, `${key}\n`, { mode: 0o600 });
  say(`SECRETS_KEY is not set: generated one and kept it in ${relativeToRepo(file)}`);
  return key;
}
