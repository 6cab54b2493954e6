// @ts-check
// Reads the JSON reports of jest (--json) and Playwright (json reporter) into a step result: counts, plus
// problems that name what failed.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../../lib/paths.mjs';

/** @typedef {import('./step-result.mjs').StepResult} StepResult */

/**
 * The parsed file, or undefined when it is missing or not JSON.
 * @param {string} file
 * @returns {any} the report as its tool wrote it (jest's or Playwright's JSON format)
 */
export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Adds the counts of a jest --json report to `result`; problems name the failing test files. */
/**
 * @param {StepResult} result
 * @param {string} label
 * @param {string} reportFile
 * @param {number} code
 */
export function addJestCounts(result, label, reportFile, code) {
  const report = readJson(reportFile);
  if (!report) {
    result.failed = true;
    result.problems.push(
      `${label}: did not run (exit code ${code}, no report)`,
    );
    return;
  }
  const erroredSuites = report.numRuntimeErrorTestSuites ?? 0;
  result.passed += report.numPassedTests;
  result.failedTests += report.numFailedTests + erroredSuites;
  result.skipped += report.numPendingTests + report.numTodoTests;
  for (const suite of report.testResults ?? []) {
    const failures = (suite.assertionResults ?? []).filter(
      (/** @type {{ status: string }} */ test) => test.status === 'failed',
    ).length;
    if (failures > 0)
      result.problems.push(
        `${relative(repoRoot, suite.name)}: ${failures} failed`,
      );
    else if (suite.status === 'failed')
      result.problems.push(`${relative(repoRoot, suite.name)}: failed to run`);
  }
  if (code !== 0 && report.numFailedTests === 0 && erroredSuites === 0) {
    result.problems.push(
      `${label}: jest exited with code ${code}${report.success ? '' : ' (see its output above)'}`,
    );
  }
  if (code !== 0 || !report.success) result.failed = true;
}

/** Adds the counts of a Playwright JSON report to `result`; a flaky test counts as passed but is named. */
/**
 * @param {StepResult} result
 * @param {string} reportFile
 * @param {number} code
 */
export function addPlaywrightCounts(result, reportFile, code) {
  const report = readJson(reportFile);
  if (!report) {
    result.failed = true;
    result.problems.push(`did not run (exit code ${code}, no report)`);
    return;
  }
  const {
    expected = 0,
    unexpected = 0,
    flaky = 0,
    skipped = 0,
  } = report.stats ?? {};
  const globalErrors = report.errors?.length ?? 0;
  Object.assign(result, {
    passed: expected + flaky,
    failedTests: unexpected + globalErrors,
    skipped,
  });
  if (unexpected > 0) result.problems.push(`${unexpected} failed`);
  if (flaky > 0) result.problems.push(`${flaky} flaky (passed on retry)`);
  if (globalErrors > 0)
    result.problems.push(
      `${globalErrors} error(s) outside tests: ${report.errors[0].message?.split('\n')[0]}`,
    );
  if (code !== 0 && unexpected === 0 && globalErrors === 0)
    result.problems.push(`playwright exited with code ${code}`);
  result.failed = code !== 0 || unexpected > 0 || globalErrors > 0;
}
