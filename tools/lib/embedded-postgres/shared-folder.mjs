// @ts-check
// As root, the server runs as the `postgres` OS user, which cannot enter a private folder (/root, `mktemp -d`, a
// container's working directory). What that user can reach, and the root-owned folder, open to everyone for reading,
// where the programs and clusters go when it cannot reach them where they are.
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export const SHARED_ROOT = '/var/lib/model-inventory';
export const SHARED_CLUSTERS = join(SHARED_ROOT, 'clusters');

/**
 * True when `owner` ({ uid, gid }) can enter `folder`, i.e. traverse every folder on the way.
 * @param {import('./binaries.mjs').OsUser} owner
 * @param {string} folder
 */
export function canEnter(owner, folder) {
  const probe = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', folder], {
    ...owner,
    cwd: '/',
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/**
 * True when `owner` can run `program --version` (the folder, the program and its libraries are reachable).
 * @param {import('./binaries.mjs').OsUser} owner
 * @param {string} program
 */
export function canRun(owner, program) {
  const probe = spawnSync(program, ['--version'], {
    ...owner,
    cwd: '/',
    stdio: 'ignore',
  });
  return probe.status === 0;
}

/**
 * Creates `folder` (SHARED_ROOT or a folder in it) and its parents up to SHARED_ROOT as root-owned 0755 folders.
 * An existing one must be a real folder (not a link) owned by root: `postgres` runs what it holds.
 * @param {string} folder
 */
export async function ensureSharedFolder(folder) {
  for (const level of [SHARED_ROOT, folder]) {
    await mkdir(level, { recursive: true });
    const stat = lstatSync(level);
    if (!stat.isDirectory() || stat.uid !== 0) {
      throw new Error(
        `${level} must be a folder owned by root; remove it or give it to root.`,
      );
    }
    if ((stat.mode & 0o777) !== 0o755) await chmod(level, 0o755);
  }
}
