#!/usr/bin/env node
// A throwaway stack for HTTP e2e and Playwright tests:  node tools/testing/e2e-stack.mjs --port 3100
//  - PostgreSQL: TEST_PG_URL's server, else embedded in .data/test-pg (port 54332); a fresh database
//    mi_e2e_<timestamp>_<random>, dropped on exit (leftovers older than 6 h from killed runs are swept at start);
//  - queues: Redis at TEST_REDIS_URL (default redis://127.0.0.1:6379) if it answers, on a database index derived
//    from the port and flushed at start and exit; else REDIS_URL stays unset (BullMQ's PostgreSQL backend);
//  - the built API (PORT, HOST=127.0.0.1, random JWT_SECRET, DEMO_SEED=false, SIGNUP_ENABLED=true, console served)
//    and the worker, logging to .data/e2e-stack-<port>.log.
// When healthy it writes .data/e2e-stack-<port>.json ({ baseUrl, databaseUrl, redisUrl }) and prints
// "E2E stack ready on http://127.0.0.1:<port>". SIGTERM/SIGINT: stops both, drops the database, exits 0.
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { dist, missingServerBuilds, relativeToRepo, repoRoot } from '../lib/paths.mjs';
import { createDatabaseIfMissing, dropDatabaseIfExists, redactUrl, withClient, withDatabase } from '../lib/postgres.mjs';
import { redisCommands, withRedisDatabase, databaseIndex } from '../lib/redis.mjs';
import { delay, isPortInUse, startService, stopService, waitForHttpOk } from '../lib/processes.mjs';
import { resolveTestPostgres, resolveTestRedis, testDataRoot } from './test-servers.mjs';

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
const STALE_DATABASE_AGE_MS = 6 * 60 * 60 * 1000;
const DATABASE_PREFIX = 'mi_e2e_';

// cleanups run last-registered-first, like `defer`
const state = { services: [], shuttingDown: false, cleanups: [], logFile: undefined };
const note = (message) => process.stderr.write(`[e2e-stack] ${message}\n`);

main().catch((error) => fail(error.message));

async function main() {
  const port = parsePort();
  const files = stackFiles(port);
  installSignalHandlers();
  assertBuilt();
  if (await isPortInUse(port)) throw new Error(`Port ${port} is already in use (another e2e stack or a dev server?).`);
  await mkdir(testDataRoot, { recursive: true });

  const postgres = await resolveTestPostgres({ log: note });
  if (postgres.embedded?.startedHere) state.cleanups.push(() => postgres.embedded.stop());
  await sweepStaleDatabases(postgres.serverUrl);
  const databaseUrl = await createTestDatabase(postgres.serverUrl);
  const redisUrl = await prepareRedis(port);

  const env = stackEnv({ port, databaseUrl, redisUrl });
  const logStream = createWriteStream(files.log, { flags: 'w' });
  state.logFile = files.log;
  state.cleanups.push(() => new Promise((resolveDone) => logStream.end(resolveDone)));
  const api = launch('api', dist.api, env, logStream);
  await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, { timeoutMs: HEALTH_TIMEOUT_MS, services: [api] });
  // Started after the API is healthy: migrations and the queue schema are then in place.
  launch('worker', dist.worker, env, logStream);
  await delay(300);
  if (state.shuttingDown) return;

  const baseUrl = `http://127.0.0.1:${port}`;
  await writeFile(files.json, `${JSON.stringify({ baseUrl, databaseUrl, redisUrl: redisUrl || null, pid: process.pid, logFile: files.log }, null, 2)}\n`);
  state.cleanups.push(() => rm(files.json, { force: true }));
  note(`database ${redactUrl(databaseUrl)}; queue ${redisUrl ? `Redis ${redactUrl(redisUrl)}` : 'PostgreSQL backend'}; logs ${relativeToRepo(files.log)}`);
  process.stdout.write(`E2E stack ready on ${baseUrl}\n`);
}

function parsePort() {
  const { values } = parseArgs({ options: { port: { type: 'string' } } });
  const port = Number(values.port ?? process.env.E2E_PORT);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error('Usage: node tools/testing/e2e-stack.mjs --port <number>');
  }
  return port;
}

function stackFiles(port) {
  return { json: join(testDataRoot, `e2e-stack-${port}.json`), log: join(testDataRoot, `e2e-stack-${port}.log`) };
}

function assertBuilt() {
  const missing = missingServerBuilds();
  if (missing.length > 0) {
    throw new Error(`Build output missing: ${missing.map(relativeToRepo).join(', ')}; run npx nx run-many -t build -p api worker web`);
  }
  if (!existsSync(join(dist.web, 'index.html'))) note(`warning: ${relativeToRepo(dist.web)} is missing; the console is not served`);
}

async function createTestDatabase(serverUrl) {
  const name = `${DATABASE_PREFIX}${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, name);
  state.cleanups.push(() => dropDatabaseIfExists(serverUrl, name));
  return withDatabase(serverUrl, name);
}

/** Drops e2e databases left by stacks that were SIGKILLed, once they are old and unused. */
async function sweepStaleDatabases(serverUrl) {
  const stale = await withClient(serverUrl, async (client) => {
    const { rows } = await client.query(
      `select d.datname from pg_database d
        where d.datname like $1 and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)`,
      [`${DATABASE_PREFIX}%`],
    );
    const cutoff = Date.now() - STALE_DATABASE_AGE_MS;
    return rows.map((row) => row.datname).filter((name) => Number(name.split('_')[2]) < cutoff);
  });
  for (const name of stale) {
    note(`dropping leftover database ${name}`);
    await dropDatabaseIfExists(serverUrl, name).catch((error) => note(`could not drop ${name}: ${error.message}`));
  }
}

/** A Redis database index per port (1..15), flushed so no job of an earlier stack is picked up. */
async function prepareRedis(port) {
  const { redisUrl, description } = await resolveTestRedis({ log: note });
  if (!redisUrl) {
    note(`queue: ${description}`);
    return '';
  }
  const url = databaseIndex(redisUrl) > 0 ? redisUrl : withRedisDatabase(redisUrl, 1 + (port % 15));
  await redisCommands(url, [['FLUSHDB']]);
  state.cleanups.push(() => redisCommands(url, [['FLUSHDB']]));
  return url;
}

function stackEnv({ port, databaseUrl, redisUrl }) {
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DEMO_SEED: 'false',
    SIGNUP_ENABLED: 'true',
    MIGRATIONS_RUN: 'true',
    WEB_DIST_PATH: dist.web,
    LOG_PRETTY: 'false',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'info',
  };
  if (redisUrl) env.REDIS_URL = redisUrl;
  else delete env.REDIS_URL;
  return env;
}

/** Children share our process group, so a group kill (Playwright's default) also takes them down. */
function launch(name, script, env, logStream) {
  const service = startService(name, process.execPath, [script], {
    env,
    cwd: repoRoot,
    onLine: (line) => logStream.write(`${name.padEnd(6)}| ${line}\n`),
  });
  state.services.push(service);
  service.exited.then(async ({ code, signal, error }) => {
    if (state.shuttingDown) return;
    const reason = error ? error.message : signal ? `signal ${signal}` : `exit code ${code}`;
    note(`${name} stopped unexpectedly (${reason})`);
    await shutdown(1);
  });
  return service;
}

async function tailOf(file, lines) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return `${text.trimEnd().split('\n').slice(-lines).join('\n')}\n`;
}

function installSignalHandlers() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void shutdown(0));
}

async function shutdown(code) {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  await Promise.all(state.services.map((service) => stopService(service, { timeoutMs: STOP_TIMEOUT_MS, log: note })));
  if (code !== 0 && state.logFile) {
    note(`last lines of ${relativeToRepo(state.logFile)}:`);
    process.stderr.write(await tailOf(state.logFile, 40));
  }
  for (const cleanup of state.cleanups.reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((error) => note(`cleanup failed: ${error.message}`));
  }
  process.exit(code);
}

function fail(message) {
  if (state.shuttingDown) return;
  note(`error: ${message}`);
  void shutdown(1);
}
