// bench:risks' HTTP floor: runs http-floor-server.mjs (a bare `node:http` server doing the baseline's work and
// nothing else) in its own process for the duration of a phase.
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../lib/paths.mjs';
import {
  describeExit,
  startService,
  stopService,
  waitForReadyLine,
} from '../../lib/processes.mjs';
import { httpClient, say } from '../bench-kit.mjs';

/** @typedef {import('./options.mjs').BenchContext} BenchContext */

const FLOOR_SERVER = fileURLToPath(
  new URL('./http-floor-server.mjs', import.meta.url),
);

/**
 * Runs `work` against http-floor-server.mjs in its own process on the stack's database (the port after the stack's),
 * then stops it.
 * @param {BenchContext} ctx
 * @param {{ id: number, userId: number }} org
 * @param {(client: ReturnType<typeof httpClient>) => Promise<any>} work
 */
export async function withFloorServer(ctx, org, work) {
  const port = ctx.options.port + 1;
  const server = startService(
    'HTTP floor server',
    process.execPath,
    [
      FLOOR_SERVER,
      ctx.databaseUrl,
      String(port),
      String(org.id),
      String(org.userId),
    ],
    {
      env: process.env,
      cwd: repoRoot,
      onLine: (line, stream) =>
        stream === 'stderr' && say(`floor server: ${line}`),
      readyLine: /^ready$/,
    },
  );
  let ready = false;
  void server.ready.then(() => (ready = true));
  await waitForReadyLine(server, 30_000);
  if (!ready) {
    const why = server.hasExited()
      ? describeExit(await server.exited)
      : 'no ready line within 30 s';
    await stopService(server);
    throw new Error(`the HTTP floor server did not start (${why})`);
  }
  const client = httpClient(
    `http://127.0.0.1:${port}`,
    Math.max(ctx.options.writeConcurrency, ctx.options.concurrency),
  );
  try {
    return await work(client);
  } finally {
    client.close();
    await stopService(server);
  }
}
