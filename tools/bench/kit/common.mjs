// @ts-check
// What every part of the benchmark kit shares: constants, the user-facing error, printing, the shared types.
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths.mjs';

export const API_POOL_SIZE = 20; // libs/server/database/src/lib/data-source-options.ts: extra.max
export const DOCS_FILE = join(repoRoot, 'docs/benchmarks.md');
export const REQUEST_TIMEOUT_MS = 30_000;

/** A problem the user can fix (e.g. no build): reported without a stack trace. */
export class SetupError extends Error {}

export const say = (text = '') => process.stdout.write(`${text}\n`);
/** @typedef {Awaited<ReturnType<typeof import('../../testing/e2e-stack-client.mjs').startE2eStack>>} Stack */
/** @typedef {Awaited<ReturnType<typeof import('./load.mjs').runLoad>>} LoadResult */
/** @typedef {ReturnType<typeof import('./load.mjs').httpClient>} HttpClient */
/** @typedef {ReturnType<typeof import('./output.mjs').machineLoad>} MachineLoad */
/**
 * @typedef {{ api: number | null, worker: number | null, postgres: number, redis: number | null, bench: number,
 *   total: number, other?: number }} CpuUse  % of one core
 */

/** @param {string} text */
export const step = (text) => say(`\n==> ${text}`);
/** The stack terminates sessions when it drops the database. */
export const ignoreDisconnect = () => undefined;

