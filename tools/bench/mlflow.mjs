#!/usr/bin/env node
// @ts-check
// MLflow sync benchmark:  npm run bench:mlflow [-- --models 10000 --versions-per-model 10 --port 3203]
//
// Starts the fake MLflow server (tools/mlflow-fake) seeded with N registered models × K versions and a throwaway
// stack (the BUILT api + worker, fresh database), configures the organisation's integration through the API, runs
// the connection test, then measures (1) a cold sync: wall time from POST /sync until sync-status reports it done,
// and (2) a no-change resync, each with the worker process's peak resident memory (VmRSS sampled every 25 ms and
// VmHWM). Sanity checks: every version became one record, nothing was marked removed, the resync changed nothing.
// Goals (issue 10): cold < 60 s, resync < 5 s, worker peak RSS < 300 MB. Prints the machine's load beside each
// figure and rewrites the "MLflow sync" section of docs/benchmarks.md. Needs `npx nx run-many -t build -p api worker`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { repoRoot } from '../lib/paths.mjs';
import {
  BenchRun,
  checkBuild,
  formatMachineLoad,
  httpClient,
  ignoreDisconnect,
  machineLoad,
  markdownTable,
  say,
  seconds,
  stackProcesses,
  step,
  textTable,
  writeDocsSection,
} from './bench-kit.mjs';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: '10000' },
    'versions-per-model': { type: 'string', default: '10' },
    port: { type: 'string', default: '3203' },
    'no-docs': { type: 'boolean', default: false },
  },
});
const options = {
  models: Number(values.models),
  versionsPerModel: Number(values['versions-per-model']),
  port: Number(values.port),
  docs: !values['no-docs'],
};
const GOALS = { coldMs: 60_000, resyncMs: 5_000, rssMb: 300 };
const SYNC_TIMEOUT_MS = 15 * 60_000;
const FAKE_MAIN = join(repoRoot, 'tools/mlflow-fake/main.mjs');
const READY_LINE = /^Fake MLflow on (\S+) \((\d+) models, (\d+) versions, auth (\w+)\)$/;

/** @typedef {{ state: string, job_id: string | null, progress: { models: number, versions: number } | null,
 *   last_synced_at: string | null, last_sync_status: string | null, last_sync_message: string | null,
 *   last_sync_counts: Record<string, number> | null }} SyncStatus */

const run = new BenchRun();
run.run(main);

async function main() {
  checkBuild();
  step(`Fake MLflow with ${options.models.toLocaleString('en')} models × ${options.versionsPerModel} versions`);
  const fake = await startFake();
  run.onClose(fake.stop);
  say(`ready in ${seconds(fake.startMs)}: ${fake.url} (${fake.models.toLocaleString('en')} models, ${fake.versions.toLocaleString('en')} versions)`);

  const stack = await run.start(options.port);
  const api = httpClient(stack.baseUrl, 4);
  const db = new pg.Client({ connectionString: stack.databaseUrl, application_name: 'bench-mlflow' });
  db.on('error', ignoreDisconnect);
  run.onClose(() => api.close(), () => db.end());
  await db.connect();
  const { worker } = await stackProcesses(options.port);
  if (!worker) throw new Error('the worker process of the stack was not found');

  step('Organisation, integration and connection test (API)');
  const email = `bench-mlflow-${Date.now()}@bench.example`;
  const registered = await api.json('POST', '/api/auth/register', { organization_name: 'Bench MLflow', name: 'Bench Admin', email, password: 'bench-password-2026' }, null, 201);
  const token = registered.access_token;
  await api.json('PUT', '/api/integrations/mlflow/config', { tracking_server_url: fake.url, auth_method: 'none', verify_ssl: true, timeout: 30 }, token, 200);
  const test = await api.json('POST', '/api/integrations/mlflow/test', undefined, token, 200);
  say(`connection test: ${test.success ? 'success' : 'FAILED'} — ${test.message}`);
  if (!test.success) return 1;

  const { rows: orgRows } = await db.query('SELECT organization_id FROM users WHERE email = $1', [email]);
  const organizationId = orgRows[0].organization_id;
  const sync = async (/** @type {string} */ label) => {
    step(label);
    const requestsBefore = (await fakeStats(fake.origin)).requests;
    const before = /** @type {SyncStatus} */ (await api.json('GET', '/api/integrations/mlflow/sync-status', undefined, token, 200));
    const memory = sampleMemory(worker);
    const load = machineLoad();
    const startedAt = new Date();
    const started = performance.now();
    await api.json('POST', '/api/integrations/mlflow/sync', undefined, token, 202);
    const status = await waitForDone(api, token, before.last_synced_at);
    const wallMs = performance.now() - started;
    const { peakMb, hwmMb, startMb } = memory.stop();
    const calls = (await fakeStats(fake.origin)).requests - requestsBefore;
    say(`${status.last_sync_status}: ${status.last_sync_message}`);
    say(`wall ${seconds(wallMs)}, worker RSS ${startMb.toFixed(0)} MB → peak ${peakMb.toFixed(0)} MB (VmHWM ${hwmMb.toFixed(0)} MB), ${calls.toLocaleString('en')} MLflow calls (${formatMachineLoad(load)}; after: ${formatMachineLoad(machineLoad())})`);
    const { rows } = await db.query('SELECT max(greatest(created_at, updated_at)) AS last FROM mlflow_model_records WHERE organization_id = $1', [organizationId]);
    const lastWriteMs = rows[0].last && rows[0].last > startedAt ? rows[0].last.getTime() - startedAt.getTime() : null;
    if (lastWriteMs !== null) say(`last record written ${seconds(lastWriteMs)} after the request`);
    return { status, wallMs, peakMb, hwmMb, startMb, calls, load, lastWriteMs };
  };

  const cold = await sync('Cold sync (empty database)');
  const afterCold = await recordCounts(db, organizationId);
  const resync = await sync('No-change resync');
  const afterResync = await recordCounts(db, organizationId);

  const expected = fake.versions;
  const checks = [
    [`records after the cold sync = ${expected.toLocaleString('en')}`, afterCold.total === expected, afterCold.total],
    ['none marked removed upstream', afterCold.removed === 0 && afterResync.removed === 0, afterResync.removed],
    // Under heavy machine load BullMQ may take the job for stalled and run it again: the second run finds nothing new.
    ['cold sync: success', cold.status.last_sync_status === 'success', cold.status.last_sync_message],
    ['resync: success, nothing added or updated', resync.status.last_sync_status === 'success' && resync.status.last_sync_counts?.['added'] === 0 && resync.status.last_sync_counts?.['updated'] === 0, `${resync.status.last_sync_counts?.['added']} added, ${resync.status.last_sync_counts?.['updated']} updated`],
    [`records after the resync = ${expected.toLocaleString('en')}`, afterResync.total === expected, afterResync.total],
  ];
  const peakOf = (/** @type {typeof cold} */ phase) => phase.peakMb;
  const hwmMb = Math.max(cold.hwmMb, resync.hwmMb, peakOf(cold), peakOf(resync));
  const verdict = (/** @type {boolean} */ ok) => (ok ? 'PASS' : 'FAIL');
  const header = ['Sync', 'Goal', 'Wall time', 'Worker peak RSS', 'MLflow calls', 'Machine'];
  const rows = [
    [`Cold (${expected.toLocaleString('en')} versions, empty database)`, `< ${GOALS.coldMs / 1000} s: ${verdict(cold.wallMs < GOALS.coldMs)}`, seconds(cold.wallMs), `${peakOf(cold).toFixed(0)} MB`, cold.calls.toLocaleString('en'), formatMachineLoad(cold.load)],
    ['No-change resync', `< ${GOALS.resyncMs / 1000} s: ${verdict(resync.wallMs < GOALS.resyncMs)}`, seconds(resync.wallMs), `${peakOf(resync).toFixed(0)} MB`, resync.calls.toLocaleString('en'), formatMachineLoad(resync.load)],
  ];
  const rssOk = hwmMb < GOALS.rssMb;
  const rssLine = `Worker peak RSS over its whole life (VmHWM; ${cold.startMb.toFixed(0)} MB before the cold sync): ${hwmMb.toFixed(0)} MB — goal < ${GOALS.rssMb} MB: ${verdict(rssOk)}`;
  say('');
  say(textTable(header, rows));
  say(rssLine);
  const writtenLine = cold.lastWriteMs === null ? '' : `Cold: the last record was written ${seconds(cold.lastWriteMs)} after the request (the rest of the wall time is the removal check and the outcome).`;
  if (writtenLine) say(writtenLine);
  for (const [label, ok, actual] of checks) say(`${ok ? 'ok  ' : 'FAIL'} ${label} (${actual})`);
  if (options.docs) {
    const heading = '## MLflow sync (`npm run bench:mlflow`)';
    await writeDocsSection(
      heading,
      [
        heading,
        '',
        `Run on ${new Date().toISOString().slice(0, 10)} against the built stack and the fake MLflow server (\`tools/mlflow-fake\`) seeded with`,
        `${options.models.toLocaleString('en')} registered models × ${options.versionsPerModel} versions and their runs. Wall time from \`POST /api/integrations/mlflow/sync\``,
        'until `sync-status` reports the run done; memory of the worker process (VmRSS sampled every 25 ms, and VmHWM).',
        'The fake runs on the same machine and shares its cores.',
        '',
        markdownTable(header, rows),
        '',
        rssLine,
        ...(writtenLine ? ['', writtenLine] : []),
        '',
        `Checks: ${checks.map(([label, ok]) => `${label}: ${ok ? 'yes' : 'NO'}`).join('; ')}.`,
      ].join('\n'),
    );
  }
  return checks.every(([, ok]) => ok) && cold.wallMs < GOALS.coldMs && resync.wallMs < GOALS.resyncMs && rssOk ? 0 : 1;
}

/** Spawns the fake like a user would and waits for its ready line. */
async function startFake() {
  const started = performance.now();
  const child = spawn(process.execPath, [FAKE_MAIN, '--port', '0', '--models', String(options.models), '--versions-per-model', String(options.versionsPerModel)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const match = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the fake MLflow server exited (code ${code})`)));
    createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) }).once('line', (line) => {
      const found = READY_LINE.exec(line);
      if (found) resolve(found);
      else reject(new Error(`the fake MLflow server printed ${JSON.stringify(line)}`));
    });
  });
  const url = /** @type {string} */ (match[1]);
  return {
    url,
    origin: new URL(url).origin,
    models: Number(match[2]),
    versions: Number(match[3]),
    startMs: performance.now() - started,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** @param {string} origin */
async function fakeStats(origin) {
  const response = await fetch(`${origin}/_fake/stats`);
  return /** @type {{ requests: number }} */ (await response.json());
}

/**
 * Polls sync-status until the run that started after `previousSyncedAt` is recorded and nothing is queued or running.
 * @param {import('./bench-kit.mjs').HttpClient} api
 * @param {string} token
 * @param {string | null} previousSyncedAt
 * @returns {Promise<SyncStatus>}
 */
async function waitForDone(api, token, previousSyncedAt) {
  const deadline = performance.now() + SYNC_TIMEOUT_MS;
  while (performance.now() < deadline) {
    const status = /** @type {SyncStatus} */ (await api.json('GET', '/api/integrations/mlflow/sync-status', undefined, token, 200));
    if (status.state === 'idle' && status.last_synced_at && status.last_synced_at !== previousSyncedAt) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the sync did not finish within ${SYNC_TIMEOUT_MS / 60_000} minutes`);
}

/** Samples a process's VmRSS every 25 ms until `stop()`, which also reads its VmHWM (MB). @param {number} pid */
function sampleMemory(pid) {
  const read = (/** @type {string} */ field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const startMb = read('VmRSS');
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, read('VmRSS'))), 25);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMb: Math.max(peakMb, read('VmRSS')), hwmMb: read('VmHWM'), startMb };
    },
  };
}

/** @param {pg.Client} db @param {number} organizationId */
async function recordCounts(db, organizationId) {
  const { rows } = await db.query('SELECT count(*)::int AS total, count(*) FILTER (WHERE removed_upstream)::int AS removed FROM mlflow_model_records WHERE organization_id = $1', [organizationId]);
  return /** @type {{ total: number, removed: number }} */ (rows[0]);
}
