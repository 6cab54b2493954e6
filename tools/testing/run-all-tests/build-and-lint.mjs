// The build and lint steps: nx commands that have no test counts, only an exit code.
import { heading } from '../../lib/output.mjs';
import { emptyResult } from './step-result.mjs';
import { bins, runTool } from './tool-process.mjs';

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

export async function runLint(env) {
  heading('Lint');
  return runStatusStep(
    'lint',
    [bins.nx, 'run-many', '-t', 'lint', '--outputStyle=static'],
    env,
  );
}

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
