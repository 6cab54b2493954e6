#!/usr/bin/env node
// @ts-check
// Zero-configuration start: `npm start` builds api, worker and web, then runs this script.
// Everything the processes need and the user did not set is filled in by environment.mjs (see docs/configuration.md):
//   DATABASE_URL unset → embedded PostgreSQL in .data/pg (port EMBEDDED_PG_PORT, default 54331), database model_inventory;
//                        as root in a folder the "postgres" OS user cannot reach, the cluster lives in
//                        /var/lib/model-inventory/clusters/<hash> and .data/pg links to it (the banner says so)
//   REDIS_URL unset    → stays unset: BullMQ runs on its PostgreSQL backend in the same database
//   JWT_SECRET unset   → generated once, kept in .data/jwt-secret (mode 600)
//   SECRETS_KEY unset  → generated once, kept in .data/secrets-key (mode 600): it encrypts MLflow credentials
//   DEMO_SEED unset    → true
//   OUTBOUND_ALLOW_PRIVATE unset → true: on a laptop, webhooks and MLflow are usually on localhost or the intranet
// Then: migrations (`main.js --migrate`), the API, its health check, the worker, and a banner.
// Ctrl-C / SIGTERM: API and worker stop first (SIGTERM, SIGKILL after 10 s), embedded PostgreSQL last; exit 0.
// MI_DATA_DIR overrides the .data folder (used by the CI smoke test).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  dataRoot,
  dist,
  missingServerBuilds,
  relativeToRepo,
  repoRoot,
  workerNodeFlags,
} from '../lib/paths.mjs';
import {
  describeExit,
  isPortInUse,
  killService,
  startService,
  stopService,
  waitForHttpOk,
  waitForReadyLine,
} from '../lib/processes.mjs';
import { labelledWriter, paint } from '../lib/output.mjs';
import { printBanner } from './banner.mjs';
import {
  resolveDatabase,
  resolveJwtSecret,
  resolveSecretsKey,
  resolveQueue,
} from './environment.mjs';

const STOP_TIMEOUT_MS = 10_000;
const HEALTH_TIMEOUT_MS = 120_000;
const MIGRATION_TIMEOUT_MS = 300_000;
// The worker has no health endpoint: the banner waits for its start-up log line (or this timeout).
const WORKER_READY_LINE = /worker started/i;
const WORKER_READY_TIMEOUT_MS = 20_000;

const say = labelledWriter('launcher', 'blue');
/**
 * @type {{ services: import('../lib/processes.mjs').Service[],
 *   postgres: import('./environment.mjs').EmbeddedPostgres | undefined, shuttingDown: boolean, firstSignalAt: number }}
 */
const state = {
  services: [],
  postgres: undefined,
  shuttingDown: false,
  firstSignalAt: 0,
};

main().catch((error) => fail(error.message));

async function main() {
  assertBuilt();
  installSignalHandlers();
  const dataDir = dataRoot();
  await mkdir(dataDir, { recursive: true });

  const env = { ...process.env };
  env.PORT ||= '3000';
  await assertPortFree(Number(env.PORT));
  env.JWT_SECRET = await resolveJwtSecret(env.JWT_SECRET, dataDir);
  env.SECRETS_KEY = await resolveSecretsKey(env.SECRETS_KEY, dataDir);
  const queue = await resolveQueue(env);
  const database = await resolveDatabase(env, dataDir, {
    onEmbeddedStarted: (postgres) => (state.postgres = postgres),
  });
  env.DEMO_SEED ||= 'true';
  env.OUTBOUND_ALLOW_PRIVATE ||= 'true';
  env.WEB_DIST_PATH ??= dist.web;
  if (process.stdout.isTTY) {
    env.LOG_PRETTY ??= 'true';
    if (!env.NO_COLOR) env.FORCE_COLOR ??= '1';
  }

  await runMigrations(env);
  const api = launch('api', dist.api, env, 'cyan');
  await waitForHttpOk(`${localBaseUrl(env)}/api/health`, {
    timeoutMs: HEALTH_TIMEOUT_MS,
    services: [api],
  });
  // The worker starts once the API is healthy, so the two never race to create the queue schema.
  const worker = launch('worker', dist.worker, env, 'magenta', [], workerNodeFlags());
  await waitForReadyLine(worker, WORKER_READY_TIMEOUT_MS);
  if (!state.shuttingDown) printBanner(env, database, queue);
}

function assertBuilt() {
  const missing = missingServerBuilds();
  if (missing.length > 0) {
    throw new Error(
      `Build output missing: ${missing.map(relativeToRepo).join(', ')}.\n` +
        'Run `npm start`, which builds first (or `npx nx run-many -t build -p api worker web`).',
    );
  }
  if (!existsSync(join(dist.web, 'index.html'))) {
    say(
      paint(
        `The console is not built (${relativeToRepo(dist.web)}); only the API will be served.`,
        'yellow',
      ),
    );
  }
}

/** @param {number} port */
async function assertPortFree(port) {
  if (await isPortInUse(port))
    throw new Error(`Port ${port} is already in use; set PORT to a free port.`);
}

/** @param {NodeJS.ProcessEnv} env */
async function runMigrations(env) {
  say('applying database migrations');
  const migrate = launch('migrate', dist.api, env, 'yellow', ['--migrate']);
  const timer = setTimeout(() => {
    say(
      paint(
        `migrations did not finish within ${MIGRATION_TIMEOUT_MS / 1000} s`,
        'red',
      ),
    );
    void stopService(migrate, { timeoutMs: STOP_TIMEOUT_MS });
  }, MIGRATION_TIMEOUT_MS);
  const { code, signal } = await migrate.exited;
  clearTimeout(timer);
  state.services = state.services.filter((service) => service !== migrate);
  if (code !== 0)
    throw new Error(
      `migrations failed (${signal ?? `exit code ${code}`}); see the output above`,
    );
}

/**
 * Starts `node <script>` in its own process group and stops everything if it dies unexpectedly.
 * @param {string} name
 * @param {string} script
 * @param {NodeJS.ProcessEnv} env
 * @param {import('../lib/output.mjs').Style} colour
 * @param {string[]} [args]
 * @param {string[]} [nodeFlags] Node flags of the process
 */
function launch(name, script, env, colour, args = [], nodeFlags = []) {
  const service = startService(name, process.execPath, [...nodeFlags, script, ...args], {
    env,
    cwd: repoRoot,
    detached: true,
    onLine: labelledWriter(name, colour),
    readyLine: WORKER_READY_LINE,
  });
  state.services.push(service);
  service.exited.then((exit) => {
    if (state.shuttingDown || name === 'migrate') return;
    say(
      paint(
        `${name} stopped unexpectedly (${describeExit(exit)}); stopping everything`,
        'red',
      ),
    );
    void shutdown(1);
  });
  return service;
}

function installSignalHandlers() {
  // Never exit without stopping the children (they run in their own process groups) and the database.
  process.on('uncaughtException', (error) =>
    fail(error.stack ?? error.message),
  );
  process.on('unhandledRejection', (error) =>
    fail((error instanceof Error && error.stack) || String(error)),
  );
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      const now = Date.now();
      if (!state.shuttingDown) {
        state.firstSignalAt = now;
        say(`${signal} received: stopping (press Ctrl-C again to force)`);
        void shutdown(0);
      } else if (now - state.firstSignalAt > 1000) {
        // A second, deliberate Ctrl-C (npm may forward the first one a second time at once: ignore that).
        say('forcing: killing the API and the worker');
        state.services.forEach(killService);
      }
    });
  }
}

/**
 * Stops the API and the worker (in parallel), then embedded PostgreSQL, then exits with `code`.
 * @param {number} code
 */
async function shutdown(code) {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  await Promise.all(
    state.services.map((service) =>
      stopService(service, { timeoutMs: STOP_TIMEOUT_MS, log: say }),
    ),
  );
  if (state.postgres) {
    say('stopping embedded PostgreSQL');
    await state.postgres.stop();
  }
  say(code === 0 ? 'stopped' : paint('stopped after an error', 'red'));
  process.exit(code);
}

/** @param {string} message */
function fail(message) {
  if (state.shuttingDown) return;
  say(paint(`error: ${message}`, 'red'), 'stderr');
  void shutdown(1);
}

/** @param {NodeJS.ProcessEnv} env */
function localBaseUrl(env) {
  const host =
    !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::'
      ? '127.0.0.1'
      : env.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT}`;
}
