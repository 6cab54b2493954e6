// @ts-check
// ensurePostgres(): an embedded PostgreSQL server whose cluster lives in a given folder and survives restarts.
//
// Why pg_ctl instead of `new EmbeddedPostgres().start()`: the library spawns postgres in our process group, so a
// Ctrl-C in the terminal reaches postgres at the same moment as the API, which then logs `57P01 terminating
// connection` while it is still shutting down; and importing the library installs SIGINT/SIGTERM/SIGHUP handlers
// that call process.exit(). `pg_ctl start` detaches the postmaster into its own session, so the caller decides
// when it stops (after the API and the worker), and an orphan left by a SIGKILL can be found and reused.
import { resolve } from 'node:path';
import { createDatabaseIfMissing } from '../postgres-client.mjs';
import { isPortInUse } from '../processes.mjs';
import {
  SUPERUSER,
  binaryVersion,
  embeddedBinaries,
  postgresOsUser,
} from './binaries.mjs';
import { clusterLocation } from './cluster-location.mjs';
import {
  initialiseIfNew,
  readSuperuserPassword,
  writeSettings,
} from './cluster.mjs';
import {
  runningPostmaster,
  startPostmaster,
  stopPostmaster,
  stopPostmasterSync,
} from './postmaster.mjs';
import { binariesRunnableBy } from './shared-binaries.mjs';

const isRoot = process.getuid?.() === 0;

/**
 * Starts (or reuses) an embedded PostgreSQL server with its cluster in `dataDir`.
 * As root, the server runs as the `postgres` OS user; when that user cannot reach `dataDir` or the programs, they are
 * moved out of the way to /var/lib/model-inventory (see cluster-location.mjs and shared-binaries.mjs).
 * @param {object} options
 * @param {string} options.dataDir  folder of the cluster; created and initialised (initdb) only if new
 * @param {number} options.port     TCP port on localhost
 * @param {Record<string, string|number>} [options.settings]  extra postgresql.conf settings, e.g. { fsync: 'off' }
 * @param {(line: string) => void} [options.log]
 * @param {string} [options.portHint]  how the user changes the port, used in the "port in use" message
 * @returns {Promise<{ url: (db?: string) => string, createDatabaseIfMissing: (name: string) => Promise<boolean>,
 *   stop: () => Promise<void>, release: () => void, startedHere: boolean, initialised: boolean, port: number,
 *   dataDir: string, relocatedFrom?: string, version: string }>}  `dataDir` is where the cluster is;
 *   `relocatedFrom` the requested folder (now a link to it) when that is elsewhere
 */
export async function ensurePostgres({
  dataDir,
  port,
  settings = {},
  log = () => undefined,
  portHint = 'choose another port',
}) {
  const owner = isRoot ? await postgresOsUser() : undefined;
  const packaged = await embeddedBinaries();
  const bin = owner ? await binariesRunnableBy(packaged, owner, log) : packaged;
  const version = binaryVersion(bin.postgres);
  const location = await clusterLocation(resolve(dataDir), owner);
  dataDir = location.dataDir;
  if (location.relocatedFrom)
    log(
      `the cluster lives in ${dataDir}, where the "postgres" OS user can reach it; ` +
        `${location.relocatedFrom} links to it`,
    );
  const cluster = { dataDir, bin, owner };

  const initialised = await initialiseIfNew({ ...cluster, version, log });
  await writeSettings(dataDir, { port, ...settings });
  const startedHere = await startUnlessRunningOnPort(cluster, {
    port,
    log,
    portHint,
  });

  const password = await readSuperuserPassword(dataDir);
  const url = (db = 'postgres') =>
    `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(db)}`;

  let stopped = false;
  const stopSync = () => {
    if (!stopped) stopPostmasterSync(cluster);
  };
  // Safety net: if the caller exits without calling stop(), do not leave the server it started behind.
  if (startedHere) process.once('exit', stopSync);

  return {
    url,
    createDatabaseIfMissing: (name) => createDatabaseIfMissing(url(), name),
    async stop() {
      if (stopped) return;
      process.removeListener('exit', stopSync);
      await stopPostmaster(cluster, { allowFailure: true });
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
    relocatedFrom: location.relocatedFrom,
    version,
  };
}

/**
 * Reuses a postmaster of this cluster already on `port`, else (re)starts it there. True when it started one.
 * @param {import('./binaries.mjs').Cluster} cluster
 * @param {{ port: number, log: (line: string) => void, portHint: string }} options
 */
async function startUnlessRunningOnPort(cluster, { port, log, portHint }) {
  const running = runningPostmaster(cluster.dataDir);
  if (running && running.port === port) {
    log(
      `embedded PostgreSQL already running (pid ${running.pid}) on port ${port}, reusing it`,
    );
    return false;
  }
  if (running) {
    log(
      `embedded PostgreSQL (pid ${running.pid}) runs on port ${running.port}; restarting it on port ${port}`,
    );
    await stopPostmaster(cluster);
  }
  if (await isPortInUse(port)) {
    throw new Error(
      `Port ${port} is already in use by another program; ${portHint}.`,
    );
  }
  await startPostmaster(cluster);
  return true;
}
