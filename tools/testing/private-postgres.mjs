#!/usr/bin/env node
// @ts-check
// A PostgreSQL server of its own for fault tests, which stop and start it under a running API:
//   node tools/testing/private-postgres.mjs --dir <folder> --port <port>
// Prints "private postgres ready <url>" once it accepts connections, then stays until:
//   SIGTERM  stop the server (its cluster stays in <folder>, so starting the script again brings the same data back)
//   SIGUSR2  stop the server and delete its cluster (the end of a test)
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ensurePostgres } from '../lib/postgres.mjs';

const { values } = parseArgs({ options: { dir: { type: 'string' }, port: { type: 'string' } } });
if (!values.dir || !values.port) {
  console.error('usage: private-postgres.mjs --dir <folder> --port <port>');
  process.exit(2);
}

const postgres = await ensurePostgres({
  dataDir: values.dir,
  port: Number(values.port),
  settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  portHint: 'pass another --port',
});
await postgres.createDatabaseIfMissing('faults');
console.log(`private postgres ready ${postgres.url('faults')}`);

/** @param {boolean} remove */
async function stop(remove) {
  await postgres.stop();
  if (remove) {
    await rm(postgres.dataDir, { recursive: true, force: true });
    await rm(values.dir ?? '', { recursive: true, force: true });
  }
  process.exit(0);
}
process.once('SIGTERM', () => void stop(false));
process.once('SIGUSR2', () => void stop(true));
setInterval(() => undefined, 1 << 30);
