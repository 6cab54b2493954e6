// @ts-check
// CPU accounting per process (Linux /proc): who used the cores during a phase.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { dist, repoRoot } from '../../lib/paths.mjs';

import { ignoreDisconnect } from './common.mjs';

export const CLOCK_TICKS = 100; // USER_HZ on Linux

/**
 * @param {number | null | undefined} pid
 * @returns {number | null}
 */
export function readTicks(pid) {
  if (pid === null || pid === undefined) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return null;
  }
}

export function systemTicks() {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const values = cpu.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  return { busy: values.reduce((a, b) => a + b, 0) - idle };
}

/** The API and worker processes: children of the e2e-stack process (its pid is in .data/e2e-stack-<port>.json). */
/**
 * @param {number} port
 * @returns {Promise<{ api?: number, worker?: number }>}
 */
export async function stackProcesses(port) {
  const info = JSON.parse(
    await readFile(join(repoRoot, '.data', `e2e-stack-${port}.json`), 'utf8'),
  );
  /** @type {{ api?: number, worker?: number }} */
  const found = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== info.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(dist.api)) found.api = Number(entry);
      else if (cmdline.includes(dist.worker)) found.worker = Number(entry);
    } catch {
      // the process ended meanwhile
    }
  }
  return found;
}

export function findRedisPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'redis-server')
        return Number(entry);
    } catch {
      // ended meanwhile
    }
  }
  return null;
}

/**
 * Observe a phase of the benchmark run on `stack` (its e2e-stack port; `benchApp` is the application_name of the
 * benchmark's own connections, left out of the session sampling). `stop()` returns CPU use in % of one core (api, worker, postgres = this database's sessions and
 * the server's background processes, redis (shared), bench, other = the rest of the machine) and what the API's
 * database sessions were doing, sampled from pg_stat_activity every 25 ms (average number of sessions per state).
 */
/**
 * @param {{ stack: import('./common.mjs').Stack | null, port: number, benchApp: string, capture?: RegExp | null }} phase
 * @returns {Promise<{ stop(): Promise<{ cpu: import('./common.mjs').CpuUse | null, sessions: Record<string, number> | null,
 *   captured: string[] }> }>}
 */
export async function observePhase({ stack, port, benchApp, capture = null }) {
  if (!stack)
    return { stop: async () => ({ cpu: null, sessions: null, captured: [] }) };
  const client = new pg.Client({
    connectionString: stack.databaseUrl,
    application_name: benchApp,
  });
  client.on('error', ignoreDisconnect);
  await client.connect();
  const postgresPids = async () =>
    (
      await client.query(
        `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() AND pid <> pg_backend_pid()) OR backend_type <> 'client backend'`,
      )
    ).rows.map((r) => /** @type {number} */ (r.pid));
  const haveProc = existsSync('/proc/stat');
  /** @type {{ api?: number, worker?: number }} */
  const processes = haveProc
    ? await stackProcesses(port).catch(() => ({}))
    : {};
  const redisPid = haveProc ? findRedisPid() : null;
  /** @type {Map<number, number | null>} */
  const backendTicks = new Map();
  if (haveProc)
    for (const pid of await postgresPids())
      backendTicks.set(pid, readTicks(pid));
  const start = haveProc
    ? {
        system: systemTicks(),
        api: readTicks(processes.api),
        worker: readTicks(processes.worker),
        redis: readTicks(redisPid),
        bench: process.cpuUsage(),
      }
    : null;
  const startedAt = performance.now();

  /** @type {Map<string, number>} */
  const states = new Map();
  /** @type {Set<string>} */
  const captured = new Set();
  let samples = 0;
  let sampling = true;
  const sampler = (async () => {
    for (let i = 0; sampling && i < 20_000; i += 1) {
      const { rows } = await client.query(
        `SELECT CASE WHEN wait_event = 'advisory' THEN 'waiting for an advisory lock'
                     WHEN wait_event IN ('transactionid', 'tuple') THEN 'waiting for a row lock'
                     WHEN state = 'idle in transaction' THEN 'idle in transaction (waiting for the API)'
                     WHEN state = 'active' AND wait_event_type IS NULL THEN 'running'
                     WHEN state = 'active' THEN 'waiting: ' || wait_event_type || '/' || wait_event
                     ELSE state END AS what, query
           FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend' AND application_name <> $1`,
        [benchApp],
      );
      samples += 1;
      for (const { what, query } of rows) {
        states.set(what, (states.get(what) ?? 0) + 1);
        if (capture && captured.size < 20 && capture.test(query))
          captured.add(query);
      }
      await new Promise((r) =>
        setTimeout(r, capture && captured.size === 0 ? 5 : 25),
      );
    }
  })().catch(() => undefined);

  return {
    async stop() {
      sampling = false;
      await sampler;
      const sessions = Object.fromEntries(
        [...states]
          .filter(([what]) => what !== 'idle')
          .sort((a, b) => b[1] - a[1])
          .map(([what, n]) => [what, n / Math.max(1, samples)]),
      );
      /** @type {import('./common.mjs').CpuUse | null} */
      let cpu = null;
      if (start) {
        const seconds = (performance.now() - startedAt) / 1000;
        /** @param {number} ticks */
        const pct = (ticks) => (100 * ticks) / CLOCK_TICKS / seconds;
        let postgresTicks = 0;
        for (const pid of await postgresPids()) {
          const now = readTicks(pid);
          if (now !== null) postgresTicks += now - (backendTicks.get(pid) ?? 0); // a process born in the phase counts whole
        }
        /**
         * @param {number | null | undefined} pid
         * @param {number | null} ticks
         */
        const since = (pid, ticks) => {
          const now = readTicks(pid);
          return ticks === null || now === null ? null : pct(now - ticks);
        };
        const bench = process.cpuUsage(start.bench);
        cpu = {
          api: since(processes.api, start.api),
          worker: since(processes.worker, start.worker),
          postgres: pct(postgresTicks),
          redis: since(redisPid, start.redis),
          bench: (100 * (bench.user + bench.system)) / 1e6 / seconds,
          total: pct(systemTicks().busy - start.system.busy),
        };
        cpu.other = Math.max(
          0,
          cpu.total -
            (cpu.api ?? 0) -
            (cpu.worker ?? 0) -
            cpu.postgres -
            (cpu.redis ?? 0) -
            cpu.bench,
        );
      }
      await client.end().catch(() => undefined);
      return { cpu, sessions, captured: [...captured] };
    },
  };
}

/** @param {number | null | undefined} value */
export const percent = (value) =>
  value === null || value === undefined ? '?' : `${value.toFixed(0)}%`;
/** @param {import('./common.mjs').CpuUse | null} cpu */
export const formatCpu = (cpu) =>
  cpu
    ? `api ${percent(cpu.api)}, worker ${percent(cpu.worker)}, postgres ${percent(cpu.postgres)}, redis ${percent(cpu.redis)}, bench ${percent(cpu.bench)}, other ${percent(cpu.other)} (machine ${percent(cpu.total)} of ${os.cpus().length * 100}%)`
    : 'n/a';
/** @param {Record<string, number> | null} sessions */
export const formatSessions = (sessions) =>
  sessions && Object.keys(sessions).length
    ? Object.entries(sessions)
        .filter(([, n]) => n >= 0.05)
        .map(([what, n]) => `${what} ${n.toFixed(1)}`)
        .join(', ')
    : 'n/a';
