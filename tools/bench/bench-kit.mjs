// @ts-check
// Shared by the benchmarks (tools/bench/*.mjs): the build check, the machine and its load, the throwaway stack's
// life cycle, load generation over keep-alive HTTP, CPU accounting per process (/proc), EXPLAIN summaries, the
// formatting of the figures and the rewrite of one section of docs/benchmarks.md.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  dist,
  missingServerBuilds,
  relativeToRepo,
  repoRoot,
} from '../lib/paths.mjs';
import { redactUrl } from '../lib/postgres-client.mjs';
import { startE2eStack } from '../testing/e2e-stack-client.mjs';

export const API_POOL_SIZE = 20; // libs/server/database/src/lib/data-source-options.ts: extra.max
export const DOCS_FILE = join(repoRoot, 'docs/benchmarks.md');
const REQUEST_TIMEOUT_MS = 30_000;

/** A problem the user can fix (e.g. no build): reported without a stack trace. */
export class SetupError extends Error {}

export const say = (text = '') => process.stdout.write(`${text}\n`);
/** @typedef {Awaited<ReturnType<typeof import('../testing/e2e-stack-client.mjs').startE2eStack>>} Stack */
/** @typedef {Awaited<ReturnType<typeof runLoad>>} LoadResult */
/** @typedef {ReturnType<typeof httpClient>} HttpClient */
/** @typedef {ReturnType<typeof machineLoad>} MachineLoad */
/**
 * @typedef {{ api: number | null, worker: number | null, postgres: number, redis: number | null, bench: number,
 *   total: number, other?: number }} CpuUse  % of one core
 */

/** @param {string} text */
export const step = (text) => say(`\n==> ${text}`);
/** The stack terminates sessions when it drops the database. */
export const ignoreDisconnect = () => undefined;

// ---------------------------------------------------------------------------------------------------------------
// Set-up

export function checkBuild() {
  const missing = missingServerBuilds();
  if (missing.length > 0) {
    throw new SetupError(
      `build output missing: ${missing.map(relativeToRepo).join(', ')}. Run first:  NX_DAEMON=false npx nx run-many -t build -p api worker`,
    );
  }
  // Others edit the sources: say so when the build does not include their latest change.
  const built = Math.min(
    statSync(dist.api).mtimeMs,
    statSync(dist.worker).mtimeMs,
  );
  const newest = newestSource(
    [
      'apps/api/src',
      'apps/worker/src',
      'libs/server',
      'libs/contracts',
      'libs/shared',
    ].map((dir) => join(repoRoot, dir)),
  );
  if (newest && newest.mtimeMs > built) {
    say(
      `warning: ${relativeToRepo(newest.path)} is newer than the build; the figures are those of the built code (rebuild to include it)`,
    );
  }
}

/**
 * @param {string[]} dirs
 * @returns {{ path: string, mtimeMs: number } | null}
 */
function newestSource(dirs) {
  /** @type {{ path: string, mtimeMs: number } | null} */
  let newest = null;
  /**
   * @param {string} dir
   * @param {number} depth
   */
  const visit = (dir, depth) => {
    if (depth > 12 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') visit(path, depth + 1);
      } else if (
        entry.name.endsWith('.ts') &&
        !/\.(spec|test|[a-z-]*spec)\.ts$/.test(entry.name)
      ) {
        const { mtimeMs } = statSync(path);
        if (!newest || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
      }
    }
  };
  for (const dir of dirs) visit(dir, 0);
  return newest;
}

/**
 * % CPU (of cores x 100) the whole machine used over `ms`, or null without /proc.
 * @param {number} ms
 */
export async function machineBusy(ms) {
  if (!existsSync('/proc/stat')) return null;
  const before = systemTicks().busy;
  await new Promise((r) => setTimeout(r, ms));
  return (100 * (systemTicks().busy - before)) / CLOCK_TICKS / (ms / 1000);
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
  };
}

/** @param {pg.Client} db */
export async function pgSettings(db) {
  const { rows } = await db.query(
    `SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'work_mem') ORDER BY name`,
  );
  return rows
    .map(
      (r) =>
        `${r.name}=${r.unit === '8kB' ? `${Math.round((Number(r.setting) * 8) / 1024)}MB` : `${r.setting}${r.unit ?? ''}`}`,
    )
    .join(', ');
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * EXPLAIN (ANALYZE, BUFFERS) on an idle database: the plan's text and a one-line summary.
 * @param {pg.Client} db
 * @param {string} sql
 * @param {unknown[]} [params]
 */
export async function explain(db, sql, params) {
  const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
  const text = rows.map((r) => r['QUERY PLAN']).join('\n');
  const time = /Execution Time: ([\d.]+) ms/.exec(text)?.[1];
  const hits = /Buffers: shared hit=(\d+)/.exec(text)?.[1];
  const scan =
    /(Index Scan using \S+|Index Only Scan using \S+|Bitmap Heap Scan|Seq Scan)/.exec(
      text,
    )?.[1] ?? '?';
  return {
    text,
    executionMs: Number(time),
    summary: `${time} ms, ${scan}, ${Number(hits ?? 0).toLocaleString('en')} buffers`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Load generation and HTTP

/**
 * Runs `total` calls of `work` with `concurrency` in flight; latencies in ms.
 * @param {number} total
 * @param {number} concurrency
 * @param {(index: number) => Promise<unknown>} work
 */
export async function runLoad(total, concurrency, work) {
  const latencies = new Float64Array(total);
  let next = 0;
  let errors = 0;
  /** @type {Error | null} */
  let firstError = null;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, total) }, async () => {
      for (;;) {
        const index = next;
        next += 1;
        if (index >= total) return;
        const t0 = performance.now();
        try {
          await work(index);
        } catch (error) {
          errors += 1;
          firstError ??= /** @type {Error} */ (error);
        }
        latencies[index] = performance.now() - t0;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  // Assigned in the workers above, which TypeScript's narrowing does not follow.
  const failure = /** @type {Error | null} */ (firstError);
  if (failure) say(`  ${errors} of ${total} failed; first: ${failure.message}`);
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return {
    count: total,
    concurrency,
    errors,
    elapsedMs,
    perSecond: (total / elapsedMs) * 1000,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: sorted[sorted.length - 1],
  };
}

/**
 * @param {string} baseUrl
 * @param {number} maxSockets
 */
export function httpClient(baseUrl, maxSockets) {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`refusing to send traffic to ${url.hostname}`);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets,
    maxFreeSockets: maxSockets,
  });
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} body
   * @param {string | null | undefined} token  none for a public route
   * @param {number} expectStatus
   * @returns {Promise<any>} the parsed JSON body, whose shape the caller knows from the API
   */
  const json = (method, path, body, token, expectStatus) =>
    new Promise((resolve, reject) => {
      const payload =
        body === undefined ? null : Buffer.from(JSON.stringify(body));
      /** @type {Record<string, string | number>} */
      const headers = { accept: 'application/json' };
      if (payload)
        Object.assign(headers, {
          'content-type': 'application/json',
          'content-length': payload.length,
        });
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method,
          headers,
          agent,
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== expectStatus)
              return reject(
                new Error(
                  `${method} ${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`,
                ),
              );
            try {
              resolve(text ? JSON.parse(text) : null);
            } catch (error) {
              reject(
                new Error(
                  `${method} ${path}: invalid JSON (${/** @type {Error} */ (error).message})`,
                ),
              );
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          new Error(
            `${method} ${path}: no answer within ${REQUEST_TIMEOUT_MS / 1000} s`,
          ),
        ),
      );
      req.on('error', reject);
      req.end(payload ?? undefined);
    });
  return { json, close: () => agent.destroy() };
}

/** @param {number} seed */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// CPU accounting (Linux /proc): who used the cores during a phase. Other work on the machine shows up as "other".

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
 * @param {{ stack: Stack | null, port: number, benchApp: string, capture?: RegExp | null }} phase
 * @returns {Promise<{ stop(): Promise<{ cpu: CpuUse | null, sessions: Record<string, number> | null,
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
      /** @type {CpuUse | null} */
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
/** @param {CpuUse | null} cpu */
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

// ---------------------------------------------------------------------------------------------------------------
// Output

/** @param {number} value */
export const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {number} value */
export const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
/** @param {number} value */
export const rate = (value) => value.toFixed(0);

/** @param {LoadResult} load */
export function formatLoad(load, unit = 'req/s') {
  return `${load.count} x ${load.concurrency} concurrent: p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, ${rate(load.perSecond)} ${unit}${load.errors ? `, ${load.errors} errors` : ''}`;
}

/** The machine's load average (1 and 5 min) and CPU count, to print beside each figure. */
export function machineLoad() {
  const [one, five] = os.loadavg();
  return { one, five, cores: os.cpus().length };
}

/** @param {MachineLoad} load */
export const formatMachineLoad = (load) =>
  `load ${load.one.toFixed(2)}/${load.five.toFixed(2)} (1/5 min) on ${load.cores} CPUs`;

/**
 * A text table: columns 2 to 5 (the figures) right-aligned.
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function textTable(header, rows) {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => r[i].length)),
  );
  /** @param {string[]} cells */
  const line = (cells) =>
    cells
      .map((cell, i) =>
        i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]),
      )
      .join('  ');
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}

/**
 * @param {string[]} header
 * @param {string[][]} rows
 */
export function markdownTable(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i >= 2 && i <= 5 ? '---:' : '---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// docs/benchmarks.md: each benchmark owns one "## " section and rewrites only it

/**
 * The hand-written text between `begin` and `end` in the current file, or a placeholder.
 * @param {string} begin
 * @param {string} end
 */
export async function keptNotes(begin, end) {
  const existing = existsSync(DOCS_FILE)
    ? await readFile(DOCS_FILE, 'utf8')
    : '';
  const from = existing.indexOf(begin);
  const to = existing.indexOf(end);
  return from >= 0 && to > from
    ? existing.slice(from + begin.length, to).trim()
    : '_None yet._';
}

/**
 * Replaces the section that starts with the line `heading` ("## …") up to the next "## " heading, or appends it;
 * the rest of the file (the other benchmarks' sections) is kept as it is.
 * @param {string} heading
 * @param {string} section
 */
export async function writeDocsSection(heading, section) {
  const existing = existsSync(DOCS_FILE)
    ? await readFile(DOCS_FILE, 'utf8')
    : '# Benchmarks\n';
  const start = existing.indexOf(`\n${heading}\n`);
  let text;
  if (start < 0) {
    text = `${existing.trimEnd()}\n\n${section.trimEnd()}\n`;
  } else {
    const next = existing.indexOf('\n## ', start + heading.length + 1);
    const rest = next < 0 ? '' : existing.slice(next);
    text = `${existing.slice(0, start + 1)}${section.trimEnd()}\n${rest}`;
  }
  await writeFile(DOCS_FILE, text);
}

// ---------------------------------------------------------------------------------------------------------------
// The throwaway stack's life cycle

/**
 * One benchmark run: `start()` the stack, `onClose()` our connections (closed before the stack drops its
 * database), and `finish(code)`, also on SIGINT/SIGTERM, which stops the stack and exits.
 */
export class BenchRun {
  /** @type {Stack | null} */
  stack = null;
  /** @type {Promise<Stack> | null} */
  #starting = null;
  #stopping = false;
  /** @type {Array<() => unknown>} */
  #closers = [];

  constructor() {
    for (const signal of ['SIGINT', 'SIGTERM'])
      process.on(signal, () => void this.finish(130));
  }

  /**
   * Runs `main` (returns the exit code), reports a failure and finishes.
   * @param {() => Promise<number | undefined>} main
   */
  run(main) {
    main()
      .then((code) => this.finish(code))
      .catch((/** @type {Error} */ error) => {
        process.stderr.write(
          `bench: ${error instanceof SetupError ? error.message : (error.stack ?? error.message)}\n`,
        );
        return this.finish(1);
      });
  }

  /**
   * @param {number} port
   * @param {{ apiProcesses?: number }} [options]
   */
  async start(port, { apiProcesses = 1 } = {}) {
    step(`Stack on port ${port}${apiProcesses > 1 ? ` with ${apiProcesses} API processes` : ''}`);
    const t0 = performance.now();
    this.#starting = startE2eStack({
      port,
      apiProcesses,
      env: {
        ...process.env,
        SIGNUPS_PER_HOUR: '100000',
        LOGIN_ATTEMPTS_PER_MINUTE: '100000',
        LOG_LEVEL: 'warn',
        E2E_LOG_LEVEL: 'warn', // e2e-stack.mjs sets the children's LOG_LEVEL from this (default info: one line per request)
      },
    });
    const stack = await this.#starting;
    this.stack = stack;
    say(
      `ready in ${seconds(performance.now() - t0)}: ${stack.baseUrl}, database ${redactUrl(stack.databaseUrl)}`,
    );
    return stack;
  }

  /** @param {Array<() => unknown>} closers */
  onClose(...closers) {
    this.#closers.push(...closers);
  }

  async closeAll() {
    for (const close of this.#closers.splice(0).reverse())
      await Promise.resolve()
        .then(close)
        .catch(() => undefined);
  }

  /** @param {{ email: string }} org */
  async keepRunning(org) {
    const stack = /** @type {Stack} */ (this.stack);
    say(
      `\n--keep: the stack stays up at ${stack.baseUrl} (database ${redactUrl(stack.databaseUrl)}, admin ${org.email} / bench-password-2026). Ctrl-C stops it.`,
    );
    await new Promise(() => undefined); // until a signal
  }

  /** @param {number | undefined} code */
  async finish(code) {
    if (this.#stopping) return;
    this.#stopping = true;
    await this.closeAll();
    if (!this.stack && this.#starting)
      this.stack = await this.#starting.catch(() => null); // a signal during start-up
    if (this.stack) {
      process.stdout.write('\nstopping the stack (drops its database)...\n');
      await this.stack
        .stop()
        .catch((/** @type {Error} */ error) =>
          process.stderr.write(
            `bench: stopping the stack failed: ${error.message}\n`,
          ),
        );
    }
    process.exit(code);
  }
}
