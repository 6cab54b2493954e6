#!/usr/bin/env node
// @ts-check
// A throwaway stack for HTTP e2e and Playwright tests:  node tools/testing/e2e-stack.mjs --port 3100
//  - PostgreSQL: TEST_PG_URL's server, else embedded in .data/test-pg (port 54332); a fresh database
//    mi_e2e_<timestamp>_<random>, dropped on exit; databases of stacks that were SIGKILLed are swept at start;
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
import {
  dist,
  missingServerBuilds,
  relativeToRepo,
  repoRoot,
  workerNodeFlags,
} from '../lib/paths.mjs';
import {
  createDatabaseIfMissing,
  dropDatabaseIfExists,
  hasNoOtherSessions,
  redactUrl,
  withDatabase,
} from '../lib/postgres.mjs';
import {
  redisCommands,
  withRedisDatabase,
  databaseIndex,
} from '../lib/redis.mjs';
import {
  describeExit,
  isPortInUse,
  startService,
  stopService,
  waitForHttpOk,
  waitForReadyLine,
} from '../lib/processes.mjs';
import {
  E2E_DATABASE_PREFIX,
  resolveTestPostgres,
  resolveTestRedis,
  sweepAbandonedE2eDatabases,
  tagDatabaseOwner,
  testDataRoot,
} from './test-servers.mjs';

const HEALTH_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;
// The worker has no health endpoint: "ready" waits for its start-up log line (or this timeout).
const WORKER_READY_LINE = /worker started/i;
const WORKER_READY_TIMEOUT_MS = 20_000;

// cleanups run last-registered-first, like `defer`
/**
 * @type {{ services: import('../lib/processes.mjs').Service[], shuttingDown: boolean,
 *   cleanups: Array<() => Promise<unknown>>, logFile: string | undefined }}
 */
const state = {
  services: [],
  shuttingDown: false,
  cleanups: [],
  logFile: undefined,
};
/** @param {string} message */
const note = (message) => process.stderr.write(`[e2e-stack] ${message}\n`);

main().catch((error) => fail(error.message));

async function main() {
  const { port, apiProcesses } = parseOptions();
  const files = stackFiles(port);
  installSignalHandlers();
  assertBuilt();
  if (await isPortInUse(port))
    throw new Error(
      `Port ${port} is already in use (another e2e stack or a dev server?).`,
    );
  await mkdir(testDataRoot, { recursive: true });

  const postgres = await resolveTestPostgres({ log: note });
  if (postgres.embedded) {
    // Runs last. Another stack (e.g. `nx run-many -t e2e`) may share the embedded server: stop it only when idle.
    state.cleanups.push(() => stopEmbeddedIfIdle(postgres));
  }
  await sweepAbandonedE2eDatabases(postgres.serverUrl, { log: note });
  const databaseUrl = await createTestDatabase(postgres.serverUrl);
  const redisUrl = await prepareRedis(port);

  const env = stackEnv({ port, databaseUrl, redisUrl });
  const logStream = createWriteStream(files.log, { flags: 'w' });
  state.logFile = files.log;
  state.cleanups.push(
    () => new Promise((resolveDone) => logStream.end(() => resolveDone(undefined))),
  );
  const api = launch('api', dist.api, env, logStream);
  await waitForHttpOk(`http://127.0.0.1:${port}/api/health`, {
    timeoutMs: HEALTH_TIMEOUT_MS,
    services: [api],
  });
  // More API processes on the next ports, the same database, queue and secrets (proves and measures scale-out).
  const apiUrls = [`http://127.0.0.1:${port}`];
  for (let i = 1; i < apiProcesses; i++) {
    if (await isPortInUse(port + i)) throw new Error(`Port ${port + i} is already in use (needed for API process ${i + 1}).`);
    const extra = launch(`api${i + 1}`, dist.api, { ...env, PORT: String(port + i) }, logStream);
    await waitForHttpOk(`http://127.0.0.1:${port + i}/api/health`, { timeoutMs: HEALTH_TIMEOUT_MS, services: [extra] });
    apiUrls.push(`http://127.0.0.1:${port + i}`);
  }
  // Started after the API is healthy: migrations and the queue schema are then in place.
  const worker = launch('worker', dist.worker, env, logStream, workerNodeFlags());
  await waitForReadyLine(worker, WORKER_READY_TIMEOUT_MS);
  if (state.shuttingDown) return;

  const baseUrl = `http://127.0.0.1:${port}`;
  await writeFile(
    files.json,
    `${JSON.stringify({ baseUrl, apiUrls, databaseUrl, redisUrl: redisUrl || null, pid: process.pid, logFile: files.log }, null, 2)}\n`,
  );
  state.cleanups.push(() => rm(files.json, { force: true }));
  note(
    `database ${redactUrl(databaseUrl)}; queue ${redisUrl ? `Redis ${redactUrl(redisUrl)}` : 'PostgreSQL backend'}; logs ${relativeToRepo(files.log)}`,
  );
  process.stdout.write(`E2E stack ready on ${baseUrl}\n`);
}

function parseOptions() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'api-processes': { type: 'string', default: '1' } } });
  const port = Number(values.port ?? process.env.E2E_PORT);
  const apiProcesses = Number(values['api-processes']);
  if (!Number.isInteger(port) || port <= 0 || !Number.isInteger(apiProcesses) || apiProcesses < 1 || apiProcesses > 8) {
    throw new Error('Usage: node tools/testing/e2e-stack.mjs --port <number> [--api-processes 1..8]');
  }
  return { port, apiProcesses };
}

/** @param {number} port */
function stackFiles(port) {
  return {
    json: join(testDataRoot, `e2e-stack-${port}.json`),
    log: join(testDataRoot, `e2e-stack-${port}.log`),
  };
}

function assertBuilt() {
  const missing = missingServerBuilds();
  if (missing.length > 0) {
    throw new Error(
      `Build output missing: ${missing.map(relativeToRepo).join(', ')}; run npx nx run-many -t build -p api worker web`,
    );
  }
  if (!existsSync(join(dist.web, 'index.html')))
    note(
      `warning: ${relativeToRepo(dist.web)} is missing; the console is not served`,
    );
}

/** @param {string} serverUrl */
async function createTestDatabase(serverUrl) {
  const name = `${E2E_DATABASE_PREFIX}${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createDatabaseIfMissing(serverUrl, name);
  state.cleanups.push(() => dropDatabaseIfExists(serverUrl, name));
  await tagDatabaseOwner(serverUrl, name);
  return withDatabase(serverUrl, name);
}

/**
 * @param {{ serverUrl: string, embedded: { stop(): Promise<unknown>, release(): void } }} postgres
 */
async function stopEmbeddedIfIdle({ serverUrl, embedded }) {
  if (await hasNoOtherSessions(serverUrl)) await embedded.stop();
  else {
    embedded.release();
    note(
      'embedded PostgreSQL is still used by another session; leaving it running',
    );
  }
}

/**
 * A Redis database index per port (1..15), flushed so no job of an earlier stack is picked up.
 * @param {number} port
 */
async function prepareRedis(port) {
  const { redisUrl, description } = await resolveTestRedis({ log: note });
  if (!redisUrl) {
    note(`queue: ${description}`);
    return '';
  }
  const url =
    databaseIndex(redisUrl) > 0
      ? redisUrl
      : withRedisDatabase(redisUrl, 1 + (port % 15));
  await redisCommands(url, [['FLUSHDB']]);
  state.cleanups.push(() => redisCommands(url, [['FLUSHDB']]));
  return url;
}

/**
 * @param {{ port: number, databaseUrl: string, redisUrl: string }} stack
 * @returns {NodeJS.ProcessEnv}
 */
function stackEnv({ port, databaseUrl, redisUrl }) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('base64url'),
    SECRETS_KEY: randomBytes(32).toString('base64'),
    DEMO_SEED: 'false',
    SIGNUP_ENABLED: 'true',
    // Every spec registers its own organisation from this one address; the sign-up limit itself is tested in
    // apps/api/src/integration/identity.medium-spec.ts.
    SIGNUPS_PER_HOUR: '10000',
    // Webhook receivers and the fake MLflow listen on 127.0.0.1.
    OUTBOUND_ALLOW_PRIVATE: 'true',
    MIGRATIONS_RUN: 'true',
    WEB_DIST_PATH: dist.web,
    LOG_PRETTY: 'false',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL || 'info',
  };
  if (redisUrl) env.REDIS_URL = redisUrl;
  else delete env.REDIS_URL;
  return env;
}

/**
 * Children share our process group, so a group kill (Playwright's default) also takes them down.
 * @param {string} name
 * @param {string} script
 * @param {NodeJS.ProcessEnv} env
 * @param {import('node:fs').WriteStream} logStream
 * @param {string[]} [flags] Node flags of the process
 */
function launch(name, script, env, logStream, flags = []) {
  // E2E_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the stack's processes (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.E2E_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const service = startService(name, process.execPath, [...nodeArgs, ...flags, script], {
    env,
    cwd: repoRoot,
    onLine: (line) => logStream.write(`${name.padEnd(6)}| ${line}\n`),
    readyLine: WORKER_READY_LINE,
  });
  state.services.push(service);
  service.exited.then(async (exit) => {
    if (state.shuttingDown) return;
    note(`${name} stopped unexpectedly (${describeExit(exit)})`);
    await shutdown(1);
  });
  return service;
}

/**
 * @param {string} file
 * @param {number} lines
 */
async function tailOf(file, lines) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return `${text.trimEnd().split('\n').slice(-lines).join('\n')}\n`;
}

function installSignalHandlers() {
  // Never exit without stopping the children (they run in their own process groups) and the database.
  process.on('uncaughtException', (error) =>
    fail(error.stack ?? error.message),
  );
  process.on('unhandledRejection', (error) =>
    fail((error instanceof Error && error.stack) || String(error)),
  );
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP']))
    process.on(signal, () => void shutdown(0));
}

/** @param {number} code */
async function shutdown(code) {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  await Promise.all(
    state.services.map((service) =>
      stopService(service, { timeoutMs: STOP_TIMEOUT_MS, log: note }),
    ),
  );
  if (code !== 0 && state.logFile) {
    note(`last lines of ${relativeToRepo(state.logFile)}:`);
    process.stderr.write(await tailOf(state.logFile, 40));
  }
  for (const cleanup of state.cleanups.reverse()) {
    await Promise.resolve()
      .then(cleanup)
      .catch((/** @type {Error} */ error) => note(`cleanup failed: ${error.message}`));
  }
  process.exit(code);
}

/** @param {string} message */
function fail(message) {
  if (state.shuttingDown) return;
  note(`error: ${message}`);
  void shutdown(1);
}
