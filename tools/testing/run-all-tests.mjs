#!/usr/bin/env node
// @ts-check
// The single test command (`npm test`):
//   1. servers: TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres), else embedded PostgreSQL in
//      .data/test-pg:54332; TEST_REDIS_URL (default redis://127.0.0.1:6379), else TEST_REDIS_URL='' (queues on
//      BullMQ's PostgreSQL backend). Both are exported to every child.
//   2. build api, worker and web (production) — skipped with --skip-build, and when only unit/integration/lint run;
//   3. lint (nx run-many -t lint), unit (jest.config.cts of apps and libs), integration (jest.integration.config.cts),
//      e2e (apps/api-e2e/jest.config.cts), browser (Playwright, apps/web-e2e/playwright.config.mts);
//   4. a per-size table, then the last line: "N passed, N failed[, N skipped]". Exit code 1 if anything failed or
//      did not run.
// Flags: --only unit|integration|e2e|browser|lint   --skip-build
// The pieces live in run-all-tests/.
import { heading, paint } from '../lib/output.mjs';
import { runBrowserTests } from './run-all-tests/browser-step.mjs';
import { runBuild, runLint } from './run-all-tests/build-and-lint.mjs';
import {
  runE2eTests,
  runIntegrationTests,
  runUnitTests,
} from './run-all-tests/jest-steps.mjs';
import { parseOptions, UsageError } from './run-all-tests/options.mjs';
import { notRun } from './run-all-tests/step-result.mjs';
import { printSummary } from './run-all-tests/summary.mjs';
import {
  stopAfterCurrentStepOnSignals,
  wasInterrupted,
} from './run-all-tests/tool-process.mjs';
import {
  resolveTestPostgres,
  resolveTestRedis,
  sweepAbandonedE2eDatabases,
} from './test-servers.mjs';

/** The embedded PostgreSQL started for this run, if any; stopped before exiting. */
/** @type {{ stop(): Promise<unknown> } | undefined} */
let embeddedPostgres;

main().then(
  (code) => finish(code),
  (error) => {
    const text =
      error instanceof UsageError
        ? error.message
        : (error.stack ?? error.message);
    console.error(paint(`run-all-tests: ${text}`, 'red'));
    return finish(error instanceof UsageError ? 2 : 1);
  },
);

async function main() {
  const options = parseOptions();
  stopAfterCurrentStepOnSignals();
  const env = await prepareServers();
  /** @type {import('./run-all-tests/step-result.mjs').StepResult[]} */
  const results = [];
  /** @param {import('./run-all-tests/step-result.mjs').StepResult} result */
  const record = (result) => {
    results.push(result);
    return result;
  };

  const needsBuild = options.steps.some(
    (step) => step === 'e2e' || step === 'browser',
  );
  const build =
    needsBuild && !options.skipBuild ? record(await runBuild(env)) : undefined;
  /**
   * @param {string} size
   * @param {() => Promise<import('./run-all-tests/step-result.mjs').StepResult>} run
   */
  const afterBuild = (size, run) =>
    build?.failed ? notRun(size, 'the build failed') : run();
  const runners = {
    lint: () => runLint(env),
    unit: () => runUnitTests(env),
    integration: () => runIntegrationTests(env),
    e2e: () => afterBuild('e2e', () => runE2eTests(env)),
    browser: () => afterBuild('browser', () => runBrowserTests(env)),
  };
  for (const step of options.steps) {
    if (wasInterrupted()) break;
    record(await runners[step]());
  }
  if (options.steps.includes('e2e') || options.steps.includes('browser')) {
    // Playwright SIGKILLs its webServer by default, so the stack cannot drop its database itself.
    await sweepAbandonedE2eDatabases(env.TEST_PG_URL, {
      log: console.log,
    }).catch(() => undefined);
  }
  return printSummary(results, { interrupted: wasInterrupted() });
}

/** Exports TEST_PG_URL and TEST_REDIS_URL for every child, starting the embedded PostgreSQL if needed. */
async function prepareServers() {
  heading('Test servers');
  /** @param {string} line */
  const say = (line) => console.log(line);
  const postgres = await resolveTestPostgres({ log: say });
  embeddedPostgres = postgres.embedded;
  const redis = await resolveTestRedis();
  console.log(`PostgreSQL: ${postgres.description}`);
  console.log(
    `Queues:     ${redis.redisUrl ? redis.description : `queue tests run on ${redis.description}; TEST_REDIS_URL=''`}`,
  );
  return {
    ...process.env,
    TEST_PG_URL: postgres.serverUrl,
    TEST_REDIS_URL: redis.redisUrl,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
}

/** @param {number} code */
async function finish(code) {
  if (embeddedPostgres) await embeddedPostgres.stop().catch(() => undefined);
  process.exit(code);
}
