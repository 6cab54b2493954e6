import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../..');
export const generatedDir = join(__dirname, '../generated');
export const E2E_PORT = Number(process.env['API_E2E_PORT'] ?? 3200);

interface Stack {
  baseUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Starts the real API and worker, then generates a client from the OpenAPI document they serve. */
export default async function globalSetup(): Promise<void> {
  const { startE2eStack } = await import(join(workspaceRoot, 'tools/testing/e2e-stack-client.mjs'));
  const stack: Stack = await startE2eStack({ port: E2E_PORT });
  (globalThis as { __API_E2E_STACK__?: Stack }).__API_E2E_STACK__ = stack;
  process.env['E2E_BASE_URL'] = stack.baseUrl;
  process.env['E2E_DATABASE_URL'] = stack.databaseUrl;

  const document = await (await fetch(`${stack.baseUrl}/api/docs-json`)).text();
  rmSync(generatedDir, { recursive: true, force: true });
  mkdirSync(generatedDir, { recursive: true });
  writeFileSync(join(generatedDir, 'openapi.json'), document);
  execFileSync(process.execPath, [join(workspaceRoot, 'node_modules/@hey-api/openapi-ts/bin/run.js'), '-i', join(generatedDir, 'openapi.json'), '-o', join(generatedDir, 'client')], {
    cwd: workspaceRoot,
    stdio: 'pipe',
  });
}
