// @ts-check
// Runs the server's programs (initdb, pg_ctl) to completion, as the OS user `owner` when given.
import { spawn } from 'node:child_process';

/**
 * `pg_ctl <args> -s`; with `allowFailure`, a failure is ignored (used when stopping).
 * @param {import('./binaries.mjs').Programs} bin
 * @param {import('./binaries.mjs').OsUser | undefined} owner
 * @param {string[]} args
 * @param {{ allowFailure?: boolean }} [options]
 */
export function pgCtl(bin, owner, args, { allowFailure = false } = {}) {
  return runProgram(bin.pg_ctl, [...args, '-s'], { ...owner }).catch(
    (error) => {
      if (!allowFailure) throw error;
    },
  );
}

/**
 * Runs a program to completion, capturing its output for the error message.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} options
 * @returns {Promise<string>}
 */
export function runProgram(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(
            new Error(
              `${command.split('/').pop()} ${args[0]} failed (exit ${code}): ${output.trim()}`,
            ),
          ),
    );
  });
}
