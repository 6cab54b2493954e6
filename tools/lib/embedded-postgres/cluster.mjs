// @ts-check
// The cluster in the data folder: created once with initdb (superuser password kept in the folder), checked
// against the server's major version on later starts, and given a settings file rewritten at every start.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import {
  chown,
  mkdir,
  readFile,
  rm,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER } from './binaries.mjs';
import { runProgram } from './run-program.mjs';
import { canEnter } from './shared-folder.mjs';

const PASSWORD_FILE = 'superuser-password';
const SETTINGS_FILE = 'embedded-postgres.conf';

/**
 * Runs initdb when `dataDir` holds no cluster yet. Returns true when it did.
 * @param {import('./binaries.mjs').Cluster & { version: string, log: (line: string) => void }} cluster
 */
export async function initialiseIfNew({ dataDir, bin, owner, version, log }) {
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    assertSameMajorVersion(dataDir, version);
    return false;
  }
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new Error(
      `${dataDir} is not empty but holds no PostgreSQL cluster; move it away and start again.`,
    );
  }
  log(`initialising embedded PostgreSQL ${version} in ${dataDir}`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) {
    await chown(dataDir, owner.uid, owner.gid);
    assertReachableBy(owner, dataDir);
  }

  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(
    tmpdir(),
    `mi-pg-password-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (owner) await chown(passwordFile, owner.uid, owner.gid);
    await runProgram(
      bin.initdb,
      [
        '-D',
        dataDir,
        '-U',
        SUPERUSER,
        '--auth=scram-sha-256',
        `--pwfile=${passwordFile}`,
        '-E',
        'UTF8',
        `--locale=${bestLocale()}`,
      ],
      { ...owner, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
  await writeFile(join(dataDir, PASSWORD_FILE), `${password}\n`, {
    mode: 0o600,
  });
  const conf = join(dataDir, 'postgresql.conf');
  await writeFile(
    conf,
    `${readFileSync(conf, 'utf8')}\n# Written by tools/lib/embedded-postgres (port, listen address)\ninclude_if_exists = '${SETTINGS_FILE}'\n`,
  );
  return true;
}

/** @param {string} dataDir */
export async function readSuperuserPassword(dataDir) {
  return (await readFile(join(dataDir, PASSWORD_FILE), 'utf8')).trim();
}

/**
 * Settings that may change between starts live in their own file, included from postgresql.conf.
 * @param {string} dataDir
 * @param {Record<string, string | number>} settings
 */
export async function writeSettings(dataDir, settings) {
  const lines = Object.entries({
    listen_addresses: 'localhost',
    unix_socket_directories: '',
    ...settings,
  }).map(
    ([key, value]) =>
      `${key} = ${typeof value === 'number' ? value : `'${String(value).replaceAll("'", "''")}'`}`,
  );
  await writeFile(
    join(dataDir, SETTINGS_FILE),
    `# Rewritten at every start by tools/lib/embedded-postgres\n${lines.join('\n')}\n`,
    { mode: 0o644 },
  );
}

/**
 * @param {string} dataDir
 * @param {string} version
 */
function assertSameMajorVersion(dataDir, version) {
  const clusterMajor = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (clusterMajor !== version.split('.')[0]) {
    throw new Error(
      `${dataDir} was created by PostgreSQL ${clusterMajor}, but the embedded server is ${version}. ` +
        'Dump it with that version, or move the folder away to start with an empty database.',
    );
  }
}

/**
 * Checked by the caller already (cluster-location.mjs); this guards against a folder that changed since.
 * @param {import('./binaries.mjs').OsUser} owner
 * @param {string} dataDir
 */
function assertReachableBy(owner, dataDir) {
  if (!canEnter(owner, dataDir)) {
    throw new Error(
      `The "postgres" OS user cannot reach ${dataDir}; make its parent folders world-executable (chmod o+x).`,
    );
  }
}

function bestLocale() {
  try {
    const available = execFileSync('locale', ['-a'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim());
    return (
      ['en_US.UTF-8', 'en_US.utf8', 'C.UTF-8', 'C.utf8'].find((l) =>
        available.includes(l),
      ) ?? 'C'
    );
  } catch {
    return 'C';
  }
}
