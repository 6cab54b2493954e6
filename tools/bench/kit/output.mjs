// @ts-check
// Formatting of the figures, the machine's load beside them, text and Markdown tables.
import os from 'node:os';
import { join } from 'node:path';

/** @param {number} value */
export const ms = (value) => `${value.toFixed(1)} ms`;
/** @param {number} value */
export const seconds = (value) => `${(value / 1000).toFixed(1)} s`;
/** @param {number} value */
export const rate = (value) => value.toFixed(0);

/** @param {import('./common.mjs').LoadResult} load */
export function formatLoad(load, unit = 'req/s') {
  return `${load.count} x ${load.concurrency} concurrent: p50 ${ms(load.p50)}, p95 ${ms(load.p95)}, p99 ${ms(load.p99)}, ${rate(load.perSecond)} ${unit}${load.errors ? `, ${load.errors} errors` : ''}`;
}

/** The machine's load average (1 and 5 min) and CPU count, to print beside each figure. */
export function machineLoad() {
  const [one, five] = os.loadavg();
  return { one, five, cores: os.cpus().length };
}

/** @param {import('./common.mjs').MachineLoad} load */
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
