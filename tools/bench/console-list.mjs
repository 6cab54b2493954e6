#!/usr/bin/env node
// @ts-check
// The console's biggest list call, part of `npm run bench:console` (after the Playwright first-load part):
//   node tools/bench/console-list.mjs [--models 5000 --requests 100 --port 3430 --no-docs]
//
// Starts a throwaway stack (the BUILT api + worker on a fresh database), registers an organisation, seeds it with
// SQL, then measures over keep-alive HTTP on 127.0.0.1: GET /api/modelInventory?limit=500 (a page of 500 models, as
// the console asks for with the largest page size) next to ONE hand-written SQL query for the same 500 rows plus
// JSON.stringify of them (pg.Pool of the API's size). The API's body is read but not parsed, as the raw side's JSON
// is not parsed either. The sides alternate call by call (one at a time), p50 of each over the run; the goal is
// API p50 / raw p50 <= 1.3 (issue 13). The JSON is not compressed (no Accept-Encoding; a compressed API body fails
// the run), so both sides hand over the same kind of bytes. Prints the figures with the machine's load and refreshes
// the list block of the "Console" section in docs/benchmarks.md. Exit code 1 when a request failed or the rows
// differ; a missed goal is reported, not an error.
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { relativeToRepo } from '../lib/paths.mjs';
import {
  API_POOL_SIZE,
  BenchRun,
  DOCS_FILE,
  checkBuild,
  formatCpu,
  formatMachineLoad,
  httpClient,
  ignoreDisconnect,
  machineBusy,
  machineInfo,
  machineLoad,
  observePhase,
  say,
  seconds,
  step,
} from './bench-kit.mjs';
import { registerOrganisation, seedModels } from './seed-models.mjs';

const GOAL_RATIO = 1.3;
const PAGE = 500;
const BENCH_APP = 'console-list-bench';
/** The block this script owns inside the Console section (the Playwright part writes the rest by hand). */
const BLOCK_BEGIN = '<!-- bench:console:list:begin (written by tools/bench/console-list.mjs) -->';
const BLOCK_END = '<!-- bench:console:list:end -->';
const SECTION_HEADING = '## Console (`npm run bench:console`)';

/** The page the API returns: its rows, link ids and the total, in the API's order. */
const RAW_PAGE_SQL = `
  SELECT m.*, count(*) OVER () AS total_count,
         ARRAY(SELECT l.project_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.project_id IS NOT NULL ORDER BY 1) AS projects,
         ARRAY(SELECT l.framework_id FROM model_inventories_projects_frameworks l
                WHERE l.model_inventory_id = m.id AND l.framework_id IS NOT NULL ORDER BY 1) AS frameworks
    FROM model_inventories m
   WHERE m.organization_id = $1 AND m.deleted_at IS NULL
   ORDER BY m.updated_at DESC, m.id DESC
   LIMIT $2`;

const options = parseOptions();
const run = new BenchRun();
run.run(main);

async function main() {
  checkBuild();
  const machine = machineInfo();
  const busy = await machineBusy(1000);
  if (busy !== null) say(`machine before the run: ${busy.toFixed(0)}% of ${machine.cores * 100}% CPU busy`);
  const stack = await run.start(options.port);
  const api = httpClient(stack.baseUrl, 1);
  const db = new pg.Client({ connectionString: stack.databaseUrl, application_name: BENCH_APP });
  db.on('error', ignoreDisconnect);
  const pool = new pg.Pool({ connectionString: stack.databaseUrl, max: API_POOL_SIZE, application_name: BENCH_APP });
  pool.on('error', ignoreDisconnect);
  run.onClose(
    () => api.close(),
    () => db.end(),
    () => pool.end(),
  );
  await db.connect();

  const org = await registerOrganisation(api, db);
  step(`Seed ${options.models.toLocaleString('en')} models with SQL`);
  const seed = await seedModels(db, org, options.models);
  say(`seeded ${seed.models.toLocaleString('en')} models in ${seconds(seed.ms)}`);

  const path = `/api/modelInventory?limit=${PAGE}`;
  step(`List: GET ${path} against one SQL query + JSON.stringify, ${options.requests} calls of each, alternating`);
  const apiPage = await api.json('GET', path, undefined, org.token, 200);
  const rawRows = (await pool.query(RAW_PAGE_SQL, [org.id, PAGE])).rows;
  const same =
    apiPage.items.length === PAGE &&
    apiPage.items.map((/** @type {{ id: number }} */ m) => m.id).join(',') === rawRows.map((r) => r.id).join(',') &&
    apiPage.total === Number(rawRows[0]?.total_count);
  say(`same ${PAGE} rows and total as the raw query: ${same ? 'OK' : 'MISMATCH'}; API body ${kb(JSON.stringify(apiPage))}, raw JSON ${kb(JSON.stringify(rawRows))}`);

  // The two sides alternate call by call, so both see the same machine: these shared machines' load swings
  // within seconds, and two phases one after the other compared different machines.
  const apiBody = bodyReader(stack.baseUrl, org.token, 1);
  run.onClose(() => apiBody.close());
  const apiCall = () => apiBody.get(path);
  const rawCall = async () => JSON.stringify((await pool.query(RAW_PAGE_SQL, [org.id, PAGE])).rows);
  for (let i = 0; i < options.warmup; i += 1) await Promise.all([apiCall(), rawCall()].map((p) => p.then(() => undefined)));
  const phase = await observePhase({ stack, port: options.port, benchApp: BENCH_APP });
  /** @type {number[]} */
  const apiTimes = [];
  /** @type {number[]} */
  const rawTimes = [];
  let errors = 0;
  for (let i = 0; i < options.requests; i += 1) {
    for (const [work, times] of /** @type {const} */ ([[apiCall, apiTimes], [rawCall, rawTimes]])) {
      const started = performance.now();
      await work().catch(() => (errors += 1));
      times.push(performance.now() - started);
    }
  }
  const { cpu } = await phase.stop();
  const apiLoad = summary(apiTimes);
  const rawLoad = summary(rawTimes);
  say(`API          ${formatSummary(apiLoad)}\nSQL + JSON   ${formatSummary(rawLoad)}\ncpu over both: ${formatCpu(cpu)}`);
  const load = machineLoad();
  const ratio = apiLoad.p50 / rawLoad.p50;
  const verdict = ratio <= GOAL_RATIO ? 'PASS' : 'FAIL';
  say(`API p50 / (SQL + JSON.stringify) p50 = ${ratio.toFixed(2)}x (goal <= ${GOAL_RATIO}x) ${verdict}; ${formatMachineLoad(load)}`);

  if (options.docs) {
    await writeBlock(
      [
        `Latest list run (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${machine.cores} × ${machine.cpu}, Node ${machine.node}; ${formatMachineLoad(load)}):`,
        `\`GET /api/modelInventory?limit=${PAGE}\` on ${options.models.toLocaleString('en')} seeded models, ${options.requests} calls of each side, alternating one at a time, uncompressed JSON:`,
        '',
        '| Side | p50 | p95 | calls/s |',
        '| --- | ---: | ---: | ---: |',
        `| API (${kb(JSON.stringify(apiPage))} body) | ${apiLoad.p50.toFixed(1)} ms | ${apiLoad.p95.toFixed(1)} ms | ${apiLoad.perSecond.toFixed(0)} |`,
        `| one SQL query + \`JSON.stringify\` | ${rawLoad.p50.toFixed(1)} ms | ${rawLoad.p95.toFixed(1)} ms | ${rawLoad.perSecond.toFixed(0)} |`,
        '',
        `Ratio of the p50s: **${ratio.toFixed(2)}×** (goal ≤ ${GOAL_RATIO}×, ${verdict}). The two sides alternate call by call; CPU over both: ${formatCpu(cpu)}.`,
      ].join('\n'),
    );
    say(`\nresults written to ${relativeToRepo(DOCS_FILE)}`);
  }
  const failed = !same || errors > 0;
  return failed ? 1 : 0;
}

/**
 * GET over keep-alive HTTP, resolving with the body's length once all of it arrived (not parsed).
 * @param {string} baseUrl
 * @param {string} token
 * @param {number} sockets
 */
function bodyReader(baseUrl, token, sockets) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  /** @param {string} path @returns {Promise<number>} */
  const get = (path) =>
    new Promise((resolve, reject) => {
      const req = http.get({ host: url.hostname, port: url.port, path, agent, headers: { accept: 'application/json', authorization: `Bearer ${token}` } }, (res) => {
        let bytes = 0;
        res.on('data', (/** @type {Buffer} */ chunk) => (bytes += chunk.length));
        // Only identity bodies are fair next to the raw side's uncompressed string.
        const encoding = res.headers['content-encoding'];
        res.on('end', () =>
          res.statusCode !== 200
            ? reject(new Error(`GET ${path}: HTTP ${res.statusCode}`))
            : encoding && encoding !== 'identity'
              ? reject(new Error(`GET ${path}: compressed (${encoding}), the comparison needs identity bodies`))
              : resolve(bytes),
        );
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error(`GET ${path}: no answer within 30 s`)));
      req.on('error', reject);
    });
  return { get, close: () => agent.destroy() };
}

/** @param {number[]} times */
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const total = times.reduce((a, b) => a + b, 0);
  return { p50: at(0.5), p95: at(0.95), perSecond: (times.length / total) * 1000, count: times.length };
}

/** @param {ReturnType<typeof summary>} s */
const formatSummary = (s) => `${s.count} calls: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${s.perSecond.toFixed(0)} calls/s`;

/** @param {string} text */
const kb = (text) => `${(Buffer.byteLength(text) / 1024).toFixed(0)} kB`;

/**
 * Replaces this script's block inside the Console section (appending the section or block when missing).
 * @param {string} body
 */
async function writeBlock(body) {
  const block = `${BLOCK_BEGIN}\n${body}\n${BLOCK_END}`;
  let text = existsSync(DOCS_FILE) ? await readFile(DOCS_FILE, 'utf8') : '# Benchmarks\n';
  const from = text.indexOf(BLOCK_BEGIN);
  const to = text.indexOf(BLOCK_END);
  if (from >= 0 && to > from) {
    text = `${text.slice(0, from)}${block}${text.slice(to + BLOCK_END.length)}`;
  } else if (text.includes(`\n${SECTION_HEADING}\n`)) {
    const start = text.indexOf(`\n${SECTION_HEADING}\n`) + 1;
    const next = text.indexOf('\n## ', start + SECTION_HEADING.length);
    const end = next < 0 ? text.length : next;
    text = `${text.slice(0, end).trimEnd()}\n\n${block}\n${text.slice(end)}`;
  } else {
    text = `${text.trimEnd()}\n\n${SECTION_HEADING}\n\n${block}\n`;
  }
  await writeFile(DOCS_FILE, text);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      models: { type: 'string', default: '5000' },
      requests: { type: 'string', default: '100' },
      port: { type: 'string', default: '3430' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  /** @param {string | undefined} value @param {string} name @param {number} min */
  const count = (value, name, min) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > 1_000_000) {
      process.stderr.write(`--${name} must be an integer >= ${min}\n`);
      process.exit(2);
    }
    return n;
  };
  const models = count(values.models, 'models', PAGE);
  const requests = count(values.requests, 'requests', 1);
  return {
    models,
    requests,
    warmup: Math.max(5, Math.round(requests / 10)),
    port: count(values.port, 'port', 1),
    docs: !values['no-docs'],
  };
}
