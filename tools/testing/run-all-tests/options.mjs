// Command-line flags of run-all-tests.mjs: --only <step>, --skip-build.
import { parseArgs } from 'node:util';

export const SIZES = ['unit', 'integration', 'e2e', 'browser'];
export const STEPS = ['lint', ...SIZES]; // in running order, after the build

/** A bad command line: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** @returns {{ steps: string[], skipBuild: boolean }} */
export function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        'skip-build': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(
      `${error.message}. Usage: run-all-tests.mjs [--only ${STEPS.join('|')}] [--skip-build]`,
    );
  }
  if (values.only && !STEPS.includes(values.only)) {
    throw new UsageError(
      `--only must be one of ${STEPS.join(', ')} (got "${values.only}")`,
    );
  }
  return {
    steps: values.only ? [values.only] : STEPS,
    skipBuild: values['skip-build'],
  };
}
