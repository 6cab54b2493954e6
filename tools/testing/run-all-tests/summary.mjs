// @ts-check
// The closing summary: a table with a row per step, the problems, and the last line
// "N passed, N failed[, N skipped]" that .ci/run repeats.
import { heading, paint } from '../../lib/output.mjs';

/** @typedef {import('./step-result.mjs').StepResult} StepResult */

/** Prints the summary and returns the exit code: 1 if anything failed or the run was interrupted. */
/**
 * @param {StepResult[]} results
 * @param {{ interrupted: boolean }} options
 * @returns {0 | 1}
 */
export function printSummary(results, { interrupted }) {
  heading('Summary');
  printTable(results);

  const problems = results.flatMap((r) =>
    r.problems.map((problem) => `${r.name}: ${problem}`),
  );
  if (problems.length > 0)
    console.log(
      `\n${problems.map((p) => paint(`  - ${p}`, 'red')).join('\n')}`,
    );
  if (interrupted)
    console.log(
      paint('\nInterrupted: the results above are incomplete.', 'yellow'),
    );

  // A step that failed without failing tests (lint, build, a suite that did not run) still counts as one failure.
  /** @param {(result: StepResult) => number} count */
  const sum = (count) => results.reduce((total, r) => total + count(r), 0);
  const passed = sum((r) => r.passed);
  const failed = sum((r) => Math.max(r.failedTests, r.failed ? 1 : 0));
  const skipped = sum((r) => r.skipped);
  const anyFailure = interrupted || results.some((r) => r.failed);
  console.log(
    `\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`,
  );
  return anyFailure ? 1 : 0;
}

/** @param {StepResult[]} results */
function printTable(results) {
  const rows = results.map((r) => [
    r.name,
    r.counted ? String(r.passed) : '-',
    r.counted ? String(r.failedTests) : '-',
    r.counted ? String(r.skipped) : '-',
    `${(r.ms / 1000).toFixed(1)}s`,
    r.failed ? 'FAILED' : 'ok',
  ]);
  const header = ['step', 'passed', 'failed', 'skipped', 'time', 'result'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => row[i].length)),
  );
  /** @param {string[]} row */
  const format = (row) =>
    row
      .map((cell, i) =>
        i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]),
      )
      .join('  ');
  console.log(paint(format(header), 'bold'));
  for (const [i, row] of rows.entries())
    console.log(paint(format(row), results[i].failed ? 'red' : 'green'));
}
