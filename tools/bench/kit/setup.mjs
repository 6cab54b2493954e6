// @ts-check
// The build check, the machine and its PostgreSQL settings, EXPLAIN summaries.
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dist, missingServerBuilds, relativeToRepo, repoRoot } from '../../lib/paths.mjs';

import { SetupError, say } from './common.mjs';
import { CLOCK_TICKS, systemTicks } from './cpu.mjs';

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
