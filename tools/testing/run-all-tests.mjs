#!/usr/bin/env node
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
import { spawn } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  mkdirSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../lib/paths.mjs';
import { heading, paint } from '../lib/output.mjs';
import {
  resolveTestPostgres,
  resolveTestRedis,
  sweepAbandonedE2eDatabases,
} from './test-servers.mjs';

const SIZES = ['unit', 'integration', 'e2e', 'browser'];
const STEPS = ['lint', ...SIZES]; // in running order, after the build
const SIZE_TITLES = {
  unit: 'Unit',
  integration: 'Integration',
  e2e: 'HTTP e2e',
  browser: 'Browser',
};
const OUTPUT_DIR = join(repoRoot, 'test-output');
const API_E2E_CONFIG = 'apps/api-e2e/jest.config.cts';
const PLAYWRIGHT_CONFIG = 'apps/web-e2e/playwright.config.mts';
const PLAYWRIGHT_RESULTS = join(
  repoRoot,
  'apps/web-e2e/test-output/results.json',
);
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'tmp',
  'coverage',
  'test-output',
  '.git',
  '.nx',
  '.angular',
  '.data',
]);

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const bins = {
  nx: bin('nx'),
  jest: bin('jest'),
  playwright: bin('playwright'),
};
const state = { current: undefined, interrupted: false, embedded: undefined };

class UsageError extends Error {}

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
  installSignalHandlers();
  const env = await prepareServers();
  const results = [];
  const record = (result) => {
    results.push(result);
    return result;
  };

  const needsBuild = options.steps.some(
    (step) => step === 'e2e' || step === 'browser',
  );
  const build =
    needsBuild && !options.skipBuild ? record(await runBuild(env)) : undefined;
  const afterBuild = (size, run) =>
    build?.failed ? notRun(size, 'the build failed') : run();
  const runners = {
    lint: () => runLint(env),
    unit: () => runUnit(env),
    integration: () =>
      runJestSize('integration', integrationConfigs(), env, [
        '--passWithNoTests',
      ]),
    e2e: () =>
      afterBuild('e2e', () =>
        runJestSize('e2e', requiredFile(API_E2E_CONFIG), env, []),
      ),
    browser: () => afterBuild('browser', () => runPlaywright(env)),
  };
  for (const step of options.steps) {
    if (state.interrupted) break;
    record(await runners[step]());
  }
  if (options.steps.includes('e2e') || options.steps.includes('browser')) {
    // Playwright SIGKILLs its webServer by default, so the stack cannot drop its database itself.
    await sweepAbandonedE2eDatabases(env.TEST_PG_URL, {
      log: console.log,
    }).catch(() => undefined);
  }
  return printSummary(results);
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(
      `${error.message}. Usage: run-all-tests.mjs [--only ${STEPS.join('|')}] [--skip-build]`,
    );
  }
  if (values.only && !STEPS.includes(values.only)) {
    throw new UsageError(
      `--only must be one of ${STEPS.join(', ')} (got "${values.only}")`,
    );
  }
  return {
    steps: values.only ? [values.only] : STEPS,
    skipBuild: values['skip-build'],
  };
}

/** Exports TEST_PG_URL and TEST_REDIS_URL for every child, starting the embedded PostgreSQL if needed. */
async function prepareServers() {
  heading('Test servers');
  const say = (line) => console.log(line);
  const postgres = await resolveTestPostgres({ log: say });
  state.embedded = postgres.embedded;
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

// ------------------------------------------------------------------------------------------------------------
// Steps

async function runBuild(env) {
  heading('Build: api, worker, web (production)');
  return runStatusStep(
    'build',
    [
      bins.nx,
      'run-many',
      '-t',
      'build',
      '-p',
      'api',
      'worker',
      'web',
      '--outputStyle=static',
    ],
    env,
  );
}

async function runLint(env) {
  heading('Lint');
  return runStatusStep(
    'lint',
    [bins.nx, 'run-many', '-t', 'lint', '--outputStyle=static'],
    env,
  );
}

/** A step that has no test counts, only an exit code. */
async function runStatusStep(name, args, env) {
  const started = Date.now();
  const { code } = await runTool(args, env);
  const failed = code !== 0;
  return {
    ...emptyResult(name),
    counted: false,
    failed,
    problems: failed ? [`exit code ${code} (see its output above)`] : [],
    ms: Date.now() - started,
  };
}

/**
 * Unit tests of every project in one jest run (`--projects`): one start-up instead of one per project, which
 * is about three times faster here. If that run produces no report (a broken config), each config runs alone,
 * so the output says which one is broken.
 */
async function runUnit(env) {
  const configs = unitConfigs();
  const result = emptyResult('unit');
  const started = Date.now();
  heading(`Unit: ${configs.length} jest projects`);
  const outputFile = join(OUTPUT_DIR, 'unit.json');
  const code = await runJest(
    configs.flatMap((config) => ['--projects', config]),
    outputFile,
    env,
    ['--passWithNoTests', '--maxWorkers=2'],
  );
  if (!readJson(outputFile)) {
    console.log(
      paint(
        'The combined unit run produced no report; running each project alone to find the broken one.',
        'yellow',
      ),
    );
    return runJestSize('unit', configs, env, ['--passWithNoTests']);
  }
  addJestCounts(result, 'unit', outputFile, code);
  result.ms = Date.now() - started;
  return result;
}

/** Runs jest with a JSON report in `outputFile` (removed first, so a stale one is never read). */
async function runJest(selection, outputFile, env, extraArgs) {
  rmSync(outputFile, { force: true });
  mkdirSync(dirname(outputFile), { recursive: true });
  const ci = process.env.CI ? ['--ci'] : [];
  const { code } = await runTool(
    [
      bins.jest,
      ...selection,
      '--json',
      `--outputFile=${outputFile}`,
      ...ci,
      ...extraArgs,
    ],
    env,
  );
  return code;
}

/** Runs each jest config in turn (its own globalSetup and worker settings), collecting counts from --json. */
async function runJestSize(size, configs, env, extraArgs) {
  const result = emptyResult(size);
  const started = Date.now();
  if (configs.length === 0) {
    result.problems.push('no jest config found');
    result.failed = true;
  }
  for (const config of configs) {
    if (state.interrupted) break;
    heading(`${SIZE_TITLES[size]}: ${config}`);
    const outputFile = join(OUTPUT_DIR, size, `${jestRunName(config)}.json`);
    const code = await runJest(['-c', config], outputFile, env, extraArgs);
    addJestCounts(result, config, outputFile, code);
  }
  result.ms = Date.now() - started;
  return result;
}

/** Adds the counts of a jest --json report to `result`; problems name the failing test files. */
function addJestCounts(result, label, outputFile, code) {
  const report = readJson(outputFile);
  if (!report) {
    result.failed = true;
    result.problems.push(
      `${label}: did not run (exit code ${code}, no report)`,
    );
    return;
  }
  const erroredSuites = report.numRuntimeErrorTestSuites ?? 0;
  result.passed += report.numPassedTests;
  result.failedTests += report.numFailedTests + erroredSuites;
  result.skipped += report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults ?? []) {
    const failures = (suite.assertionResults ?? []).filter(
      (test) => test.status === 'failed',
    ).length;
    if (failures > 0)
      result.problems.push(
        `${relative(repoRoot, suite.name)}: ${failures} failed`,
      );
    else if (suite.status === 'failed')
      result.problems.push(`${relative(repoRoot, suite.name)}: failed to run`);
  }
  if (code !== 0 && report.numFailedTests === 0 && erroredSuites === 0) {
    result.problems.push(
      `${label}: jest exited with code ${code}${report.success ? '' : ' (see its output above)'}`,
    );
  }
  if (code !== 0 || !report.success) result.failed = true;
}

async function runPlaywright(env) {
  const result = emptyResult('browser');
  const started = Date.now();
  if (!existsSync(join(repoRoot, PLAYWRIGHT_CONFIG))) {
    return {
      ...result,
      failed: true,
      problems: [`${PLAYWRIGHT_CONFIG} not found`],
    };
  }
  heading(`Browser: ${PLAYWRIGHT_CONFIG}`);
  rmSync(PLAYWRIGHT_RESULTS, { force: true });
  const { code } = await runTool(
    [bins.playwright, 'test', '-c', PLAYWRIGHT_CONFIG, '--reporter=list,json'],
    {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_RESULTS,
    },
  );
  const report = readJson(PLAYWRIGHT_RESULTS);
  result.ms = Date.now() - started;
  if (!report)
    return {
      ...result,
      failed: true,
      problems: [`did not run (exit code ${code}, no report)`],
    };
  const {
    expected = 0,
    unexpected = 0,
    flaky = 0,
    skipped = 0,
  } = report.stats ?? {};
  const globalErrors = report.errors?.length ?? 0;
  Object.assign(result, {
    passed: expected + flaky,
    failedTests: unexpected + globalErrors,
    skipped,
  });
  if (unexpected > 0) result.problems.push(`${unexpected} failed`);
  if (flaky > 0) result.problems.push(`${flaky} flaky (passed on retry)`);
  if (globalErrors > 0)
    result.problems.push(
      `${globalErrors} error(s) outside tests: ${report.errors[0].message?.split('\n')[0]}`,
    );
  if (code !== 0 && unexpected === 0 && globalErrors === 0)
    result.problems.push(`playwright exited with code ${code}`);
  result.failed = code !== 0 || unexpected > 0 || globalErrors > 0;
  return result;
}

function notRun(size, reason) {
  return {
    ...emptyResult(size),
    failed: true,
    problems: [`not run: ${reason}`],
  };
}

function emptyResult(name) {
  return {
    name,
    passed: 0,
    failedTests: 0,
    skipped: 0,
    counted: true,
    failed: false,
    problems: [],
    ms: 0,
  };
}

// ------------------------------------------------------------------------------------------------------------
// Discovery

function unitConfigs() {
  const apps = listDir('apps')
    .map((app) => `apps/${app}/jest.config.cts`)
    .filter((file) => existsSync(join(repoRoot, file)));
  const libs = findFiles('libs', 'jest.config.cts');
  return [...apps, ...libs]
    .filter((file) => !basename(dirname(file)).endsWith('-e2e'))
    .sort();
}

function integrationConfigs() {
  return findFiles('.', 'jest.integration.config.cts').sort();
}

function requiredFile(file) {
  return existsSync(join(repoRoot, file)) ? [file] : [];
}

/** Repo-relative paths of files called `name` under `folder`, skipping build output and dependencies. */
function findFiles(folder, name) {
  const found = [];
  const walk = (relativeDir) => {
    for (const entry of readdirSync(join(repoRoot, relativeDir), {
      withFileTypes: true,
    })) {
      const path =
        relativeDir === '.' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(path);
      else if (entry.isFile() && entry.name === name) found.push(path);
    }
  };
  if (existsSync(join(repoRoot, folder))) walk(folder);
  return found;
}

function listDir(folder) {
  return existsSync(join(repoRoot, folder))
    ? readdirSync(join(repoRoot, folder))
    : [];
}

function jestRunName(config) {
  return (
    relative(repoRoot, dirname(join(repoRoot, config))).replaceAll('/', '-') ||
    'root'
  );
}

// ------------------------------------------------------------------------------------------------------------
// Processes, signals, summary

/** Runs a node_modules/.bin command with inherited output; resolves with its exit code. */
function runTool([command, ...args], env) {
  return new Promise((resolveRun) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      env,
      stdio: 'inherit',
    });
    state.current = child;
    child.once('error', (error) => {
      console.error(error.message);
      resolveRun({ code: 1 });
    });
    child.once('exit', (code, signal) => {
      state.current = undefined;
      resolveRun({ code: code ?? 1, signal });
    });
  });
}

function installSignalHandlers() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (state.interrupted) return;
      state.interrupted = true;
      console.error(
        paint(`\n${signal}: stopping after the current step`, 'yellow'),
      );
      state.current?.kill(signal); // a terminal Ctrl-C already reached it; a `kill <pid>` did not
    });
  }
}

function printSummary(results) {
  heading('Summary');
  const rows = results.map((r) => [
    r.name,
    r.counted ? String(r.passed) : '-',
    r.counted ? String(r.failedTests) : '-',
    r.counted ? String(r.skipped) : '-',
    `${(r.ms / 1000).toFixed(1)}s`,
    r.failed ? 'FAILED' : 'ok',
  ]);
  const header = ['step', 'passed', 'failed', 'skipped', 'time', 'result'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  const format = (row) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ');
  console.log(paint(format(header), 'bold'));
  for (const [i, row] of rows.entries())
    console.log(paint(format(row), results[i].failed ? 'red' : 'green'));

  const problems = results.flatMap((r) =>
    r.problems.map((problem) => `${r.name}: ${problem}`),
  );
  if (problems.length > 0)
    console.log(
      `\n${problems.map((p) => paint(`  - ${p}`, 'red')).join('\n')}`,
    );
  if (state.interrupted)
    console.log(
      paint('\nInterrupted: the results above are incomplete.', 'yellow'),
    );

  // A step that failed without failing tests (lint, build, a suite that did not run) still counts as one failure.
  const sum = (count) => results.reduce((total, r) => total + count(r), 0);
  const passed = sum((r) => r.passed);
  const failed = sum((r) => Math.max(r.failedTests, r.failed ? 1 : 0));
  const skipped = sum((r) => r.skipped);
  const anyFailure = state.interrupted || results.some((r) => r.failed);
  console.log(
    `\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  return anyFailure ? 1 : 0;
}

async function finish(code) {
  if (state.embedded) await state.embedded.stop().catch(() => undefined);
  process.exit(code);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
