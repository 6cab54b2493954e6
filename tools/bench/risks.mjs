#!/usr/bin/env node
// Model risks benchmark:  npm run bench:risks [-- --models 100000 --risks 300000 --requests 200 --concurrency 8]
//
// Starts a throwaway stack (the BUILT api + worker on a fresh database, migrations applied), registers an
// organisation, loads N models (tools/bench/seed-models.mjs) and M risks with SQL (setup, not measured), then
// measures over HTTP (keep-alive, 127.0.0.1 only), each next to hand-written SQL in the same run:
//   1. the model list carrying open_risk_count (first page; open risks only, sorted by open_risk_count) and the risk
//      list (first page; level + status sorted by target date; search + overdue sorted by level): API p50 against
//      the p50 of ONE hand-written query returning the same page and total (pool of 20, same concurrency);
//      goal <= 2x;
//   2. risk creates (POST) and transitions (PATCH { status }, In Progress -> Resolved), each with its history rows
//      and its model's open_risk_count: API throughput against the same rows written by ONE hand-written statement
//      per write (pool of 20, same concurrency); goal >= 0.8x.
// Every figure is printed with the machine's load average and CPU count, and the CPU per process during its phase.
// Then it checks the rows (history per write, open_risk_count = live count) and rewrites the "Model risks" section
// of docs/benchmarks.md. Exit code 1 when a request failed or a check found a MISMATCH; a missed goal is reported.
// Needs `npx nx run-many -t build -p api worker` first.
import pg from 'pg';
import { relativeToRepo } from '../lib/paths.mjs';
import {
  API_POOL_SIZE,
  BenchRun,
  DOCS_FILE,
  checkBuild,
  formatCpu,
  formatLoad,
  formatMachineLoad,
  httpClient,
  ignoreDisconnect,
  machineBusy,
  machineInfo,
  machineLoad,
  observePhase,
  pgSettings,
  runLoad,
  say,
  seconds,
  step,
} from './bench-kit.mjs';
import { withFloorServer } from './risks/http-floor.mjs';
import { benchmarkList, listCases } from './risks/lists.mjs';
import { BENCH_APP, parseOptions } from './risks/options.mjs';
import { allChecks, printResults, writeDocs } from './risks/report.mjs';
import { seedRisks } from './risks/seed.mjs';
import {
  benchmarkBatchCreates,
  benchmarkBatchTransitions,
} from './risks/batch-writes.mjs';
import {
  benchmarkCreates,
  benchmarkTransitions,
  openCountCheck,
} from './risks/writes.mjs';
import { registerOrganisation, seedModels } from './seed-models.mjs';

const options = parseOptions();
const run = new BenchRun();
/** @type {import('./risks/options.mjs').BenchContext} */
const ctx = { options, measure, databaseUrl: '' };
run.run(main);

async function main() {
  checkBuild();
  const machine = machineInfo();
  machine.busyBefore = await machineBusy(1000);
  machine.loadBefore = machineLoad();
  say(
    `machine before the run: ${machine.busyBefore?.toFixed(0) ?? '?'}% of ${machine.cores * 100}% CPU busy, ${formatMachineLoad(machine.loadBefore)}`,
  );

  await run.start(options.port);
  ctx.databaseUrl = run.stack.databaseUrl;
  const api = httpClient(
    run.stack.baseUrl,
    Math.max(options.concurrency, options.writeConcurrency),
  );
  const db = new pg.Client({
    connectionString: run.stack.databaseUrl,
    application_name: BENCH_APP,
  });
  db.on('error', ignoreDisconnect);
  const pool = new pg.Pool({
    connectionString: run.stack.databaseUrl,
    max: API_POOL_SIZE,
    application_name: `${BENCH_APP}-raw`, // sampled as the API's sessions are: what the raw statements wait for
  });
  pool.on('error', ignoreDisconnect);
  run.onClose(
    () => api.close(),
    () => db.end(),
    () => pool.end(),
  );
  await db.connect();
  try {
    machine.postgres = (
      await db.query('SHOW server_version')
    ).rows[0].server_version;
    machine.pgSettings = await pgSettings(db);

    const org = await registerOrganisation(api, db);
    step(
      `Seed ${options.models.toLocaleString('en')} models and ${options.risks.toLocaleString('en')} risks with SQL`,
    );
    const models = await seedModels(db, org, options.models);
    const risks = await seedRisks(db, org, options.risks);
    const seed = { models, risks };
    say(
      `seeded ${models.models.toLocaleString('en')} models in ${seconds(models.ms)}, ${risks.risks.toLocaleString('en')} risks in ${seconds(risks.ms)} (VACUUM ANALYZE included)`,
    );

    const lists = [];
    if (options.only !== 'writes') {
      await withFloorServer(ctx, org, async (floor) => {
        for (const listCase of listCases(org).entries()) {
          lists.push(
            await benchmarkList(ctx, api, pool, db, org, floor, listCase),
          );
        }
      });
    }
    const writes = options.only !== 'lists';
    const creates = writes
      ? await benchmarkCreates(ctx, api, pool, db, org, models)
      : null;
    const batches = writes
      ? await benchmarkBatchCreates(ctx, api, pool, db, org, models, creates)
      : null;
    const transitions = writes
      ? await benchmarkTransitions(ctx, api, pool, db, org)
      : null;
    const batchTransitions = writes
      ? await benchmarkBatchTransitions(ctx, api, pool, db, org, transitions)
      : null;
    const counts = await openCountCheck(db, org);
    say(
      `${counts.ok ? 'OK      ' : 'MISMATCH'} ${counts.name}: ${counts.detail}`,
    );

    const results = {
      when: new Date(),
      machine,
      options,
      seed,
      lists,
      creates,
      batches,
      transitions,
      batchTransitions,
      counts,
    };
    printResults(results);
    if (options.docs && !options.only) {
      await writeDocs(results);
      say(`\nresults written to ${relativeToRepo(DOCS_FILE)}`);
    }
    const checks = allChecks(results);
    const loads = [
      ...lists.flatMap((l) => [l.api, l.raw]),
      creates?.api,
      creates?.raw,
      batches?.api,
      batches?.raw,
      transitions?.api,
      transitions?.raw,
      batchTransitions?.api,
      batchTransitions?.raw,
    ].filter(Boolean);
    const failed =
      checks.some(([, ok]) => !ok) || loads.some((load) => load.errors > 0);
    if (options.keep) await run.keepRunning(org);
    return failed ? 1 : 0;
  } finally {
    await run.closeAll();
  }
}
/** A phase of this run, observed (CPU per process, database sessions) and with the machine's load at its end. */
async function observe() {
  const phase = await observePhase({
    stack: run.stack,
    port: options.port,
    benchApp: BENCH_APP,
  });
  return {
    stop: async () => ({ ...(await phase.stop()), machine: machineLoad() }),
  };
}

/** Runs the warm-up, then `n` observed calls of `work` at `concurrency`. */
async function measure(label, n, warmup, concurrency, work, unit) {
  await runLoad(warmup, concurrency, work);
  const phase = await observe();
  const load = await runLoad(n, concurrency, work);
  Object.assign(load, await phase.stop());
  say(
    `${label} ${formatLoad(load, unit)}; ${formatMachineLoad(load.machine)}\n${' '.repeat(label.length)} cpu: ${formatCpu(load.cpu)}`,
  );
  return load;
}
