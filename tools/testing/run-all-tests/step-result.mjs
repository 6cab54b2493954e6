// @ts-check
// The result of one step (a row of the summary table).

/**
 * @typedef {{ name: string, passed: number, failedTests: number, skipped: number, counted: boolean,
 *   failed: boolean, problems: string[], ms: number }} StepResult  `counted` is false for steps without test counts.
 */

/**
 * @param {string} name
 * @returns {StepResult}
 */
export function emptyResult(name) {
  return {
    name,
    passed: 0,
    failedTests: 0,
    skipped: 0,
    counted: true,
    failed: false,
    problems: [],
    ms: 0,
  };
}

/**
 * @param {string} name
 * @param {string} reason
 * @returns {StepResult}
 */
export function notRun(name, reason) {
  return {
    ...emptyResult(name),
    failed: true,
    problems: [`not run: ${reason}`],
  };
}
