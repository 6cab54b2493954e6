// @ts-check
// Child-process helpers: start a service, watch it, stop it (SIGTERM, then SIGKILL), wait for an HTTP health check.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

/** @typedef {{ code: number | null, signal: NodeJS.Signals | null, error?: Error }} ExitInfo */
/**
 * @typedef {{ name: string, detached: boolean, child: import('node:child_process').ChildProcess,
 *   exited: Promise<ExitInfo>, ready: Promise<void>, hasExited: () => boolean }} Service
 */

/**
 * Spawns `command args` as a named service.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {object} options
 * @param {NodeJS.ProcessEnv} options.env
 * @param {string} options.cwd
 * @param {boolean} [options.detached]  own process group, so a terminal Ctrl-C reaches only the parent
 * @param {(line: string, stream: 'stdout'|'stderr') => void} [options.onLine]  receives every output line
 * @param {RegExp} [options.readyLine]  `ready` resolves at the first output line that matches it
 * @returns {Service}
 */
export function startService(
  name,
  command,
  args,
  { env, cwd, detached = false, onLine, readyLine },
) {
  const child = spawn(command, args, {
    env,
    cwd,
    detached,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {() => void} */
  let markReady = () => undefined;
  /** @type {Promise<void>} */
  const ready = new Promise((resolveReady) => (markReady = resolveReady));
  for (const stream of /** @type {const} */ (['stdout', 'stderr'])) {
    createInterface({ input: child[stream], crlfDelay: Infinity }).on(
      'line',
      (line) => {
        onLine?.(line, stream);
        if (readyLine?.test(line)) markReady();
      },
    );
  }
  /** @type {ExitInfo | undefined} */
  let exitInfo;
  /** @type {Promise<ExitInfo>} */
  const exited = new Promise((resolvePromise) => {
    child.once('error', (error) => {
      exitInfo = { code: null, signal: null, error };
      resolvePromise(exitInfo);
    });
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolvePromise(exitInfo);
    });
  });
  return {
    name,
    child,
    detached,
    exited,
    ready,
    hasExited: () => exitInfo !== undefined,
  };
}

/**
 * Sends SIGTERM, waits up to `timeoutMs`, then SIGKILLs the process (and its group when detached).
 * @param {Service | undefined} service
 * @param {{ timeoutMs?: number, log?: (line: string) => void }} [options]
 * @returns {Promise<ExitInfo | undefined>}
 */
export async function stopService(
  service,
  { timeoutMs = 10_000, log = () => undefined } = {},
) {
  if (!service || service.hasExited()) return service?.exited;
  signal(service, 'SIGTERM');
  const timer = setTimeout(() => {
    log(
      `${service.name} did not stop within ${timeoutMs / 1000} s; killing it`,
    );
    signal(service, 'SIGKILL', { group: true });
  }, timeoutMs);
  const result = await service.exited;
  clearTimeout(timer);
  return result;
}

/**
 * How a service ended, for messages: `signal SIGKILL`, `exit code 1`, or the spawn error.
 * @param {ExitInfo} exit
 */
export function describeExit({ code, signal, error }) {
  if (error) return error.message;
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

/**
 * Kills the service immediately (used when the user presses Ctrl-C a second time).
 * @param {Service | undefined} service
 */
export function killService(service) {
  if (service && !service.hasExited())
    signal(service, 'SIGKILL', { group: true });
}

/**
 * @param {Service} service
 * @param {NodeJS.Signals} name
 * @param {{ group?: boolean }} [options]
 */
function signal(service, name, { group = false } = {}) {
  const { pid } = service.child;
  if (pid === undefined) return; // never started
  try {
    // A negative pid signals the whole process group; a detached child leads its own group.
    process.kill(group && service.detached ? -pid : pid, name);
  } catch {
    // already gone
  }
}

/**
 * Polls `url` until it answers 200. Rejects after `timeoutMs`, or as soon as one of `services` exits.
 * @param {string} url
 * @param {{ timeoutMs?: number, services?: Service[], intervalMs?: number }} [options]
 */
export async function waitForHttpOk(
  url,
  { timeoutMs = 120_000, services = [], intervalMs = 500 } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = services.find((service) => service.hasExited());
    if (dead)
      throw new Error(`${dead.name} exited before ${url} became healthy`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      const failure = /** @type {Error & { cause?: { code?: string } }} */ (
        error
      );
      lastProblem = failure.cause?.code ?? failure.message;
    }
    await delay(intervalMs);
  }
  throw new Error(
    `${url} was not healthy within ${timeoutMs / 1000} s (last answer: ${lastProblem})`,
  );
}

/**
 * @param {number} ms
 * @returns {Promise<void>}
 */
export function delay(ms) {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

/**
 * True when something accepts TCP connections on `host:port`.
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function isPortInUse(port, host = '127.0.0.1') {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    /** @param {boolean} inUse */
    const done = (inUse) => {
      socket.destroy();
      resolvePromise(inUse);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Resolves when the service logs its ready line, exits, or `timeoutMs` passes, whichever comes first.
 * @param {Service} service
 * @param {number} timeoutMs
 */
export function waitForReadyLine(service, timeoutMs) {
  return Promise.race([service.ready, service.exited, delay(timeoutMs)]);
}

/**
 * The command name of a live process, or undefined when there is none. A zombie (exited, not yet reaped —
 * common in containers whose PID 1 does not reap) counts as gone.
 * @param {number} pid
 * @returns {string | undefined}
 */
export function runningProcessName(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EPERM')
      return undefined;
  }
  try {
    if (process.platform === 'linux') {
      const [, name, state] =
        /^\d+ \((.*)\) (\S)/.exec(readFileSync(`/proc/${pid}/stat`, 'utf8')) ??
        [];
      return state === 'Z' || state === 'X' ? undefined : name;
    }
    const [state, name] = execFileSync(
      'ps',
      ['-o', 'state=,comm=', '-p', String(pid)],
      { encoding: 'utf8' },
    )
      .trim()
      .split(/\s+/);
    return state.startsWith('Z') ? undefined : name.split('/').pop();
  } catch {
    return undefined;
  }
}
