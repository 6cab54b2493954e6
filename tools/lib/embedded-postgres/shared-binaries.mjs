// @ts-check
// As root, when the `postgres` OS user cannot run the programs where npm put them (the repository sits in a private
// folder), they run from a copy of the package's native/ folder in /var/lib/model-inventory/postgresql-<version>/.
// The copy is made once per package version, checked against the package at every start, and replaced when it
// differs (a partial or altered copy).
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  readlinkSync,
} from 'node:fs';
import { chmod, cp, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SHARED_ROOT, canRun, ensureSharedFolder } from './shared-folder.mjs';

const PROGRAMS = /** @type {const} */ (['initdb', 'pg_ctl', 'postgres']);

/**
 * `bin` when `owner` can run it, else the same programs from the checked copy in SHARED_ROOT.
 * @param {{ initdb: string, pg_ctl: string, postgres: string, packageVersion: string }} bin
 * @param {{ uid: number, gid: number }} owner
 * @param {(line: string) => void} log
 */
export async function binariesRunnableBy(bin, owner, log) {
  if (canRun(owner, bin.postgres)) return bin;
  const nativeDir = dirname(dirname(bin.postgres));
  if (!/^[\w.+-]+$/.test(bin.packageVersion))
    throw new Error(`Unexpected package version "${bin.packageVersion}".`);
  const copyDir = join(SHARED_ROOT, `postgresql-${bin.packageVersion}`);
  const expected = manifest(nativeDir);
  const hasCopy = existsSync(copyDir);
  if (hasCopy && manifest(copyDir) === expected) {
    log(
      `the "postgres" OS user cannot run ${nativeDir}; using its copy in ${copyDir}`,
    );
  } else {
    log(
      `the "postgres" OS user cannot run ${nativeDir}; ` +
        (hasCopy
          ? `replacing the copy in ${copyDir}, which differs from it`
          : `copying it to ${copyDir}`),
    );
    await ensureSharedFolder(SHARED_ROOT);
    await replaceWithCopy(nativeDir, copyDir, expected);
  }
  const copied = { ...bin };
  for (const program of PROGRAMS)
    copied[program] = join(copyDir, 'bin', program);
  if (!canRun(owner, copied.postgres))
    throw new Error(
      `The "postgres" OS user cannot run ${copied.postgres} either; set DATABASE_URL to use your own PostgreSQL.`,
    );
  return copied;
}

/**
 * Copies `source` next to `target`, checks the copy, then puts it in place of `target` in one rename.
 * @param {string} source
 * @param {string} target
 * @param {string} expected  the manifest of `source`
 */
async function replaceWithCopy(source, target, expected) {
  const partial = `${target}.partial-${process.pid}`;
  const stale = `${target}.stale-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  try {
    await cp(source, partial, { recursive: true, verbatimSymlinks: true });
    await openToEveryone(partial);
    if (manifest(partial) !== expected)
      throw new Error(`the copy in ${partial} differs from ${source}`);
    if (existsSync(target)) await rename(target, stale);
    await rename(partial, target).catch((error) => {
      // Another start made the same copy at the same moment: use theirs.
      if (!existsSync(target) || manifest(target) !== expected) throw error;
    });
  } finally {
    await rm(partial, { recursive: true, force: true });
    await rm(stale, { recursive: true, force: true });
  }
}

/**
 * Folders 0755, programs 0755, other files 0644: whatever the umask was when npm unpacked the package.
 * @param {string} folder
 */
async function openToEveryone(folder) {
  await chmod(folder, 0o755);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await openToEveryone(path);
    else if (entry.isFile())
      await chmod(path, lstatSync(path).mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * One line per entry: path, then the link target, or whether it is executable, its size and its SHA-256.
 * @param {string} root
 * @returns {string}
 */
function manifest(root, folder = root) {
  /** @type {string[]} */
  const lines = [];
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name);
    const relative = path.slice(root.length + 1);
    const stat = lstatSync(path);
    if (stat.isDirectory()) lines.push(`${relative}/`, manifest(root, path));
    else if (stat.isSymbolicLink())
      lines.push(`${relative} -> ${readlinkSync(path)}`);
    else {
      const digest = createHash('sha256')
        .update(readFileSync(path))
        .digest('hex');
      lines.push(
        `${relative} ${stat.mode & 0o111 ? 'x' : '-'} ${stat.size} ${digest}`,
      );
    }
  }
  return lines.join('\n');
}
