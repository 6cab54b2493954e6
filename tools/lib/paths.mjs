// @ts-check
// Well-known locations in the repository, resolved from this file so scripts work from any cwd.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
);

/** The git-ignored folder for local state; `MI_DATA_DIR` overrides it (used by the CI smoke test). */
export function dataRoot() {
  return process.env.MI_DATA_DIR
    ? resolve(process.env.MI_DATA_DIR)
    : resolve(repoRoot, '.data');
}

/** Build output; `MI_DIST_DIR` points the tools at another build (e.g. an unpacked release). */
const distRoot = process.env.MI_DIST_DIR
  ? resolve(process.env.MI_DIST_DIR)
  : resolve(repoRoot, 'dist');

export const dist = {
  api: resolve(distRoot, 'apps/api/main.js'),
  worker: resolve(distRoot, 'apps/worker/main.js'),
  web: resolve(distRoot, 'apps/web/browser'),
};

/**
 * Node flags of the worker: a bound on V8's old space. The worker's live heap stays near 60 MB (MLflow sync of
 * 100,000 versions included), but under V8's default limit (a quarter of the machine's memory) the heap grows to
 * about four times that between full collections; the bound makes V8 collect sooner. `WORKER_MAX_OLD_SPACE_MB`
 * changes it (docs/production.md).
 */
export function workerNodeFlags() {
  return [`--max-old-space-size=${process.env.WORKER_MAX_OLD_SPACE_MB || 512}`];
}

/** Names of the build outputs that are missing (the console is optional for the processes). */
export function missingServerBuilds() {
  return [dist.api, dist.worker].filter((file) => !existsSync(file));
}

/** @param {string} path */
export function relativeToRepo(path) {
  return path.startsWith(repoRoot + '/')
    ? path.slice(repoRoot.length + 1)
    : path;
}
