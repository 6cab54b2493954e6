// @ts-check
// The jest steps: unit, integration and HTTP e2e tests, each jest run writing a JSON report to test-output/.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { heading, paint } from '../../lib/output.mjs';
import { repoRoot } from '../../lib/paths.mjs';
import { addJestCounts, readJson } from './reports.mjs';
import { emptyResult } from './step-result.mjs';
import {
  e2eConfigs,
  integrationConfigs,
  jestRunName,
  unitConfigs,
} from './test-configs.mjs';
import { bins, runTool, wasInterrupted } from './tool-process.mjs';

const OUTPUT_DIR = join(repoRoot, 'test-output');
/** @typedef {'unit' | 'integration' | 'e2e'} TestSize */

const SIZE_TITLES = {
  unit: 'Unit',
  integration: 'Integration',
  e2e: 'HTTP e2e',
};

/**
 * Unit tests of every project in one jest run (`--projects`): one start-up instead of one per project, which
 * is about three times faster here. If that run produces no report (a broken config), each config runs alone,
 * so the output says which one is broken.
 */
export async function runUnitTests(/** @type {NodeJS.ProcessEnv} */ env) {
  const configs = unitConfigs();
  const result = emptyResult('unit');
  const started = Date.now();
  heading(`Unit: ${configs.length} jest projects`);
  const reportFile = join(OUTPUT_DIR, 'unit.json');
  const code = await runJest(
    configs.flatMap((config) => ['--projects', config]),
    reportFile,
    env,
    // A global option: per-project testTimeout is ignored in a --projects run. Harness-driven page specs need it on a busy machine.
    ['--maxWorkers=2', '--testTimeout=20000'],
  );
  if (!readJson(reportFile)) {
    console.log(
      paint(
        'The combined unit run produced no report; running each project alone to find the broken one.',
        'yellow',
      ),
    );
    return runEachConfig('unit', configs, env, []);
  }
  addJestCounts(result, 'unit', reportFile, code);
  result.ms = Date.now() - started;
  return result;
}

/** @param {NodeJS.ProcessEnv} env */
export function runIntegrationTests(env) {
  return runEachConfig('integration', integrationConfigs(), env, [
    '--passWithNoTests',
  ]);
}

/** @param {NodeJS.ProcessEnv} env */
export function runE2eTests(env) {
  return runEachConfig('e2e', e2eConfigs(), env, []);
}

/** Runs each jest config in turn (its own globalSetup and worker settings), collecting counts from --json. */
/**
 * @param {TestSize} size
 * @param {string[]} configs
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} extraArgs
 */
async function runEachConfig(size, configs, env, extraArgs) {
  const result = emptyResult(size);
  const started = Date.now();
  if (configs.length === 0) {
    result.problems.push('no jest config found');
    result.failed = true;
  }
  for (const config of configs) {
    if (wasInterrupted()) break;
    heading(`${SIZE_TITLES[size]}: ${config}`);
    const reportFile = join(OUTPUT_DIR, size, `${jestRunName(config)}.json`);
    const code = await runJest(['-c', config], reportFile, env, extraArgs);
    addJestCounts(result, config, reportFile, code);
  }
  result.ms = Date.now() - started;
  return result;
}

/** Runs jest with a JSON report in `reportFile` (removed first, so a stale one is never read). */
/**
 * @param {string[]} selection
 * @param {string} reportFile
 * @param {NodeJS.ProcessEnv} env
 * @param {string[]} extraArgs
 */
async function runJest(selection, reportFile, env, extraArgs) {
  rmSync(reportFile, { force: true });
  mkdirSync(dirname(reportFile), { recursive: true });
  const ci = process.env.CI ? ['--ci'] : [];
  const { code } = await runTool(
    [
      bins.jest,
      ...selection,
      '--json',
      `--outputFile=${reportFile}`,
      ...ci,
      ...extraArgs,
    ],
    env,
  );
  return code;
}
