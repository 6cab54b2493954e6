// @ts-check
// The build and lint steps: nx commands that have no test counts, only an exit code.
import { heading } from '../../lib/output.mjs';
import { emptyResult } from './step-result.mjs';
import { bins, runTool } from './tool-process.mjs';

/** @typedef {import('./step-result.mjs').StepResult} StepResult */

/** @param {NodeJS.ProcessEnv} env */
export async function runBuild(env) {
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

/**
 * ESLint of every project, then the type-check of the `// @ts-check` scripts in tools/ (tools/tsconfig.json).
 * @param {NodeJS.ProcessEnv} env
 */
export async function runLint(env) {
  heading('Lint');
  const lint = await runStatusStep(
    'lint',
    [bins.nx, 'run-many', '-t', 'lint', '--outputStyle=static'],
    env,
  );
  heading('Lint: type-check of tools/');
  const tools = await runStatusStep(
    'lint',
    [bins.tsc, '-p', 'tools/tsconfig.json'],
    env,
  );
  return {
    ...lint,
    failed: lint.failed || tools.failed,
    problems: [
      ...lint.problems.map((problem) => `eslint: ${problem}`),
      ...tools.problems.map((problem) => `tools type-check: ${problem}`),
    ],
    ms: lint.ms + tools.ms,
  };
}

/**
 * @param {string} name
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<StepResult>}
 */
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
