// The result of one step (a row of the summary table).

/**
 * @returns {{ name: string, passed: number, failedTests: number, skipped: number, counted: boolean,
 *   failed: boolean, problems: string[], ms: number }}  `counted` is false for steps without test counts.
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

export function notRun(name, reason) {
  return {
    ...emptyResult(name),
    failed: true,
    problems: [`not run: ${reason}`],
  };
}
