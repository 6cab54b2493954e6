// @ts-check
// Command-line flags of run-all-tests.mjs: --only <step>, --skip-build.
import { parseArgs } from 'node:util';

/** @typedef {'lint' | 'unit' | 'integration' | 'e2e' | 'browser'} Step */

export const SIZES = /** @type {const} */ ([
  'unit',
  'integration',
  'e2e',
  'browser',
]);
/** @type {readonly Step[]} */
export const STEPS = ['lint', ...SIZES]; // in running order, after the build

/** A bad command line: reported without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** @param {string | undefined} name @returns {name is Step} */
const isStep = (name) => STEPS.some((step) => step === name);

/** @returns {{ steps: readonly Step[], skipBuild: boolean }} */
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
      `${error instanceof Error ? error.message : String(error)}. Usage: run-all-tests.mjs [--only ${STEPS.join('|')}] [--skip-build]`,
    );
  }
  if (values.only && !isStep(values.only)) {
    throw new UsageError(
      `--only must be one of ${STEPS.join(', ')} (got "${values.only}")`,
    );
  }
  return {
    steps: isStep(values.only) ? [values.only] : STEPS,
    skipBuild: values['skip-build'] ?? false,
  };
}
