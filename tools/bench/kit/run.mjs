// @ts-check
// One benchmark run: the throwaway stack's life cycle.
import { performance } from 'node:perf_hooks';
import { redactUrl } from '../../lib/postgres-client.mjs';
import { startE2eStack } from '../../testing/e2e-stack-client.mjs';

import { SetupError, say, step } from './common.mjs';
import { seconds } from './output.mjs';

/**
 * One benchmark run: `start()` the stack, `onClose()` our connections (closed before the stack drops its
 * database), and `finish(code)`, also on SIGINT/SIGTERM, which stops the stack and exits.
 */
export class BenchRun {
  /** @type {import('./common.mjs').Stack | null} */
  stack = null;
  /** @type {Promise<import('./common.mjs').Stack> | null} */
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
    const stack = /** @type {import('./common.mjs').Stack} */ (this.stack);
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
