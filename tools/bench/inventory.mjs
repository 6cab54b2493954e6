#!/usr/bin/env node
// Model inventory benchmark:  npm run bench:inventory [-- --models 100000 --requests 300 --concurrency 8]
//
// Starts a throwaway stack (tools/testing/e2e-stack.mjs: the BUILT api + worker on a fresh database), registers an
// organisation, seeds it with SQL, then measures over HTTP (keep-alive, 127.0.0.1 only):
//   1. the filtered, searched list page, against ONE hand-written SQL query returning the same rows (pg.Pool, 20);
//      the API's page statement is caught in pg_stat_activity and its plan summarised;
//   2. creates (model + links + field history + snapshot + outbox in one transaction), then checks those rows in SQL;
//      as a diagnostic, the same rows written by ONE hand-written SQL statement per create;
//   3. updates (PATCH status/version on random models), then checks the snapshot again.
// Each phase also reports CPU per process (/proc) and, for writes, what the API's database sessions were doing.
// Prints a table and refreshes the results block of docs/benchmarks.md. Exit code 1 when a request failed or a
// consistency check found a MISMATCH; a missed performance goal is reported, not an error.
// Needs `npx nx run-many -t build -p api worker` first. Every loop is bounded; the stack (and its database) is
// stopped at the end unless --keep is given (then Ctrl-C stops it).
import pg from 'pg';
import { relativeToRepo } from '../lib/paths.mjs';
import {
  BenchRun,
  DOCS_FILE,
  checkBuild,
  ignoreDisconnect,
  machineBusy,
  machineInfo,
  observePhase,
  pgSettings,
  say,
  seconds,
  step,
  httpClient,
} from './bench-kit.mjs';
import { benchmarkList } from './inventory/list.mjs';
import { BENCH_APP, parseOptions } from './inventory/options.mjs';
import { printTable, writeDocs } from './inventory/report.mjs';
import { benchmarkCreates, benchmarkUpdates } from './inventory/writes.mjs';
import { registerOrganisation, seedModels } from './seed-models.mjs';

const options = parseOptions();
const run = new BenchRun();
/** @type {import('./inventory/list.mjs').BenchContext} */
const ctx = {
  options,
  run,
  /** A phase of this run, observed (CPU per process, database sessions). */
  observe: (extra = {}) =>
    observePhase({
      stack: run.stack,
      port: options.port,
      benchApp: BENCH_APP,
      ...extra,
    }),
};
run.run(main);

async function main() {
  checkBuild();
  const machine = machineInfo();
  machine.busyBefore = await machineBusy(1000);
  if (machine.busyBefore !== null) {
    say(
      `machine before the run: ${machine.busyBefore.toFixed(0)}% of ${machine.cores * 100}% CPU busy${machine.busyBefore > 30 ? ' (other work is running: the figures will be pessimistic)' : ''}`,
    );
  }

  await run.start(options.port);

  const api = httpClient(
    run.stack.baseUrl,
    Math.max(options.concurrency, options.writeConcurrency),
  );
  const db = new pg.Client({
    connectionString: run.stack.databaseUrl,
    application_name: BENCH_APP,
  });
  db.on('error', ignoreDisconnect);
  run.onClose(
    () => api.close(),
    () => db.end(),
  );
  await db.connect();
  try {
    machine.postgres = (
      await db.query('SHOW server_version')
    ).rows[0].server_version;
    machine.pgSettings = await pgSettings(db);

    const org = await registerOrganisation(api, db);
    step(`Seed ${options.models.toLocaleString('en')} models with SQL`);
    const seed = await seedModels(db, org, options.models);
    options.seedHasCounters = seed.hasCounters;
    say(
      `seeded ${seed.models.toLocaleString('en')} models and ${seed.links.toLocaleString('en')} links in ${seconds(seed.ms)} (insert ${seconds(seed.insertMs)}, VACUUM ANALYZE ${seconds(seed.analyzeMs)})`,
    );

    const list = await benchmarkList(ctx, api, db, org);
    const creates = await benchmarkCreates(ctx, api, db, org);
    const updates = await benchmarkUpdates(ctx, api, db, org, seed.modelIds);

    const results = {
      when: new Date(),
      machine,
      options,
      seed,
      list,
      creates,
      updates,
    };
    printTable(results);
    if (options.docs) {
      await writeDocs(results);
      say(`\nresults written to ${relativeToRepo(DOCS_FILE)}`);
    }
    const failed =
      [list.check, creates.check, updates.check].some((check) => !check.ok) ||
      [list.api, list.raw, creates.load, creates.raw, updates.load].some(
        (load) => load?.errors > 0,
      );
    if (options.keep) await run.keepRunning(org);
    return failed ? 1 : 0;
  } finally {
    await run.closeAll();
  }
}
