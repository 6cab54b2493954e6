// @ts-check
// The server process of a cluster: find a running one through postmaster.pid, start and stop it with pg_ctl.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runningProcessName } from '../processes.mjs';
import { pgCtl } from './run-program.mjs';

const SERVER_LOG = 'server.log';
const MAX_SERVER_LOG_BYTES = 20 * 1024 * 1024;

/**
 * The postmaster recorded in postmaster.pid, if it is alive. A pid file whose process is gone (or is now some
 * other program, as after a SIGKILL and a container restart) is stale: it is removed so that postgres can start.
 * @param {string} dataDir
 * @returns {{ pid: number, port: number } | undefined}
 */
export function runningPostmaster(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (pid > 0 && runningProcessName(pid) === 'postgres')
    return { pid, port: Number(portLine) };
  unlinkSync(pidFile);
  return undefined;
}

/** @param {import('./binaries.mjs').Cluster} cluster */
export async function startPostmaster({ dataDir, bin, owner }) {
  const logFile = join(dataDir, SERVER_LOG);
  await truncateIfLarge(logFile, MAX_SERVER_LOG_BYTES);
  try {
    await pgCtl(bin, owner, [
      'start',
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '120',
    ]);
  } catch (error) {
    throw new Error(
      `${/** @type {Error} */ (error).message}\n--- last lines of ${logFile} ---\n${tail(logFile, 20)}`,
    );
  }
}

/**
 * A fast shutdown, waiting up to 60 s.
 * @param {import('./binaries.mjs').Cluster} cluster
 * @param {{ allowFailure?: boolean }} [options]
 */
export function stopPostmaster({ dataDir, bin, owner }, options) {
  return pgCtl(
    bin,
    owner,
    ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'],
    options,
  );
}

/**
 * The same fast shutdown, synchronously: the only kind that can run in a process 'exit' handler.
 * @param {import('./binaries.mjs').Cluster} cluster
 */
export function stopPostmasterSync({ dataDir, bin, owner }) {
  spawnSync(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-s'], {
    ...owner,
    stdio: 'ignore',
  });
}

/**
 * @param {string} file
 * @param {number} maxBytes
 */
async function truncateIfLarge(file, maxBytes) {
  if (existsSync(file) && statSync(file).size > maxBytes)
    await writeFile(file, '');
}

/**
 * @param {string} file
 * @param {number} lines
 */
function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}
