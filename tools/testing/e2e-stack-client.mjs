// @ts-check
// Starts tools/testing/e2e-stack.mjs as a child process and hands back what tests need.
// For a jest globalSetup/globalTeardown pair (require() of this ESM file works on Node >= 20.19):
//   const { startE2eStack } = require('../../tools/testing/e2e-stack-client.mjs');
//   globalThis.__E2E_STACK__ = await startE2eStack({ port: 3100 });
//   process.env.E2E_BASE_URL = globalThis.__E2E_STACK__.baseUrl;        // and databaseUrl, redisUrl
//   ... in globalTeardown: await globalThis.__E2E_STACK__.stop();
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../lib/paths.mjs';

const READY_LINE = /^E2E stack ready on (\S+)$/;

/**
 * @param {{ port: number, timeoutMs?: number, env?: NodeJS.ProcessEnv, apiProcesses?: number }} options
 * @returns {Promise<{ baseUrl: string, apiUrls: string[], databaseUrl: string, redisUrl: string|null,
 *   stop: () => Promise<void> }>}  `apiUrls`: one per API process (`--api-processes`), the first is `baseUrl`
 */
export async function startE2eStack({
  port,
  timeoutMs = 180_000,
  env = process.env,
  apiProcesses = 1,
}) {
  const child = spawn(
    process.execPath,
    [join(repoRoot, 'tools/testing/e2e-stack.mjs'), '--port', String(port), '--api-processes', String(apiProcesses)],
    {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolveExit) =>
    child.once('exit', (code, signal) => resolveExit({ code, signal })),
  );

  await new Promise((/** @type {(value?: unknown) => void} */ resolveReady, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `e2e stack on port ${port} not ready within ${timeoutMs / 1000} s`,
          ),
        ),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (READY_LINE.test(line)) {
        clearTimeout(timer);
        resolveReady();
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new Error(
          `e2e stack on port ${port} exited before it was ready (${signal ?? `exit code ${code}`})`,
        ),
      );
    });
  }).catch(async (error) => {
    child.kill('SIGTERM');
    await exited;
    throw error;
  });

  const info = JSON.parse(
    await readFile(join(repoRoot, '.data', `e2e-stack-${port}.json`), 'utf8'),
  );
  return {
    baseUrl: info.baseUrl,
    apiUrls: info.apiUrls ?? [info.baseUrl],
    databaseUrl: info.databaseUrl,
    redisUrl: info.redisUrl,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(killTimer);
    },
  };
}
