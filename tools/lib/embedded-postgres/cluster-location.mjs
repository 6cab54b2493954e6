// @ts-check
// Where the cluster of a requested data folder lives. Normally in that folder. As root, when the `postgres` OS user
// cannot reach it (a private folder such as /root or `mktemp -d`), the cluster lives in
// /var/lib/model-inventory/clusters/<hash of the requested path>/ and the requested path becomes a symbolic link to
// it, so later starts, and people looking at the data folder, find it there.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, rmdir, symlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
  SHARED_CLUSTERS,
  canEnter,
  ensureSharedFolder,
} from './shared-folder.mjs';

/**
 * @param {string} requested  absolute path of the data folder the caller asked for
 * @param {{ uid: number, gid: number } | undefined} owner  the OS user postgres runs as (only when we are root)
 * @returns {Promise<{ dataDir: string, relocatedFrom?: string }>}
 */
export async function clusterLocation(requested, owner) {
  if (!owner) return { dataDir: requested };
  const linked = linkTarget(requested);
  if (linked?.startsWith(`${SHARED_CLUSTERS}/`)) {
    await ensureSharedFolder(SHARED_CLUSTERS); // in case someone deleted it: start again with an empty cluster
    return { dataDir: linked, relocatedFrom: requested };
  }

  await mkdir(dirname(requested), { recursive: true });
  if (canEnter(owner, dirname(requested))) return { dataDir: requested };
  if (!isMissingOrEmptyFolder(requested)) {
    throw new Error(
      `The "postgres" OS user cannot reach ${requested}, which already exists; make its parent folders ` +
        'world-executable (chmod o+x), or move it away to start with an empty database.',
    );
  }
  const dataDir = join(SHARED_CLUSTERS, shortHash(requested));
  await ensureSharedFolder(SHARED_CLUSTERS);
  await rmdir(requested).catch(() => undefined); // the empty folder of an earlier failed start
  await symlink(dataDir, requested);
  return { dataDir, relocatedFrom: requested };
}

/**
 * The absolute target when `path` is a symbolic link (even a dangling one), else undefined.
 * @param {string} path
 */
function linkTarget(path) {
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return undefined;
  }
}

/** @param {string} path */
function isMissingOrEmptyFolder(path) {
  try {
    return lstatSync(path).isDirectory() && readdirSync(path).length === 0;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT')
      return true;
    throw error;
  }
}

/** @param {string} text */
function shortHash(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
