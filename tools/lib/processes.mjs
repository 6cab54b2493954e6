// Child-process helpers: start a service, watch it, stop it (SIGTERM, then SIGKILL), wait for an HTTP health check.
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';

/**
 * Spawns `command args` as a named service.
 * @param {object} options
 * @param {NodeJS.ProcessEnv} options.env
 * @param {string} options.cwd
 * @param {boolean} [options.detached]  own process group, so a terminal Ctrl-C reaches only the parent
 * @param {(line: string, stream: 'stdout'|'stderr') => void} [options.onLine]  receives every output line
 * @returns {{ name: string, detached: boolean, child: import('node:child_process').ChildProcess, exited: Promise<{code: number|null, signal: string|null}>, hasExited: () => boolean }}
 */
export function startService(name, command, args, { env, cwd, detached = false, onLine }) {
  const child = spawn(command, args, { env, cwd, detached, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of ['stdout', 'stderr']) {
    createInterface({ input: child[stream], crlfDelay: Infinity }).on('line', (line) => onLine?.(line, stream));
  }
  let exitInfo;
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
  return { name, child, detached, exited, hasExited: () => exitInfo !== undefined };
}

/** Sends SIGTERM, waits up to `timeoutMs`, then SIGKILLs the process (and its group when detached). */
export async function stopService(service, { timeoutMs = 10_000, log = () => {} } = {}) {
  if (!service || service.hasExited()) return service?.exited;
  signal(service, 'SIGTERM');
  const timer = setTimeout(() => {
    log(`${service.name} did not stop within ${timeoutMs / 1000} s; killing it`);
    signal(service, 'SIGKILL', { group: true });
  }, timeoutMs);
  const result = await service.exited;
  clearTimeout(timer);
  return result;
}

/** Kills the service immediately (used when the user presses Ctrl-C a second time). */
export function killService(service) {
  if (service && !service.hasExited()) signal(service, 'SIGKILL', { group: true });
}

function signal(service, name, { group = false } = {}) {
  try {
    // A negative pid signals the whole process group; a detached child leads its own group.
    process.kill(group && service.detached ? -service.child.pid : service.child.pid, name);
  } catch {
    // already gone
  }
}

/**
 * Polls `url` until it answers 200. Rejects after `timeoutMs`, or as soon as one of `services` exits.
 */
export async function waitForHttpOk(url, { timeoutMs = 120_000, services = [], intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    const dead = services.find((service) => service.hasExited());
    if (dead) throw new Error(`${dead.name} exited before ${url} became healthy`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await delay(intervalMs);
  }
  throw new Error(`${url} was not healthy within ${timeoutMs / 1000} s (last answer: ${lastProblem})`);
}

export function delay(ms) {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms));
}

/** True when something accepts TCP connections on `host:port`. */
export function isPortInUse(port, host = '127.0.0.1') {
  return new Promise((resolvePromise) => {
    const socket = connect({ port, host });
    const done = (inUse) => {
      socket.destroy();
      resolvePromise(inUse);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
