// @ts-check
// Runs the test tools (nx, jest, playwright) one at a time, and turns SIGINT/SIGTERM/SIGHUP into "stop after the
// current step": the signal is passed on to the running tool and no further step starts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths.mjs';
import { paint } from '../../lib/output.mjs';

/** @param {string} name */
const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
export const bins = {
  nx: bin('nx'),
  jest: bin('jest'),
  playwright: bin('playwright'),
  tsc: bin('tsc'),
};

/** @type {{ current: import('node:child_process').ChildProcess | undefined, interrupted: boolean }} */
const state = { current: undefined, interrupted: false };

export function wasInterrupted() {
  return state.interrupted;
}

/** Runs a node_modules/.bin command with inherited output; resolves with its exit code. */
/**
 * @param {string[]} commandLine the program, then its arguments
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ code: number, signal?: NodeJS.Signals | null }>}
 */
export function runTool([command, ...args], env) {
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

export function stopAfterCurrentStepOnSignals() {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
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
