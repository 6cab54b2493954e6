import { join } from 'node:path';
import { register } from 'tsconfig-paths';

const workspaceRoot = join(__dirname, '../../../../..');

/** Jest globalSetup for integration tests: a fresh, migrated database for the whole run. */
export default async function globalSetup(): Promise<void> {
  // globalSetup runs outside Jest's module mapping, so the workspace aliases are registered here.
  const { compilerOptions } = await import(join(workspaceRoot, 'tsconfig.base.json'));
  register({ baseUrl: workspaceRoot, paths: compilerOptions.paths });
  const { createTestDatabase } = await import('./test-database');
  const database = await createTestDatabase();
  process.env['MI_TEST_DATABASE_URL'] = database.url;
  process.env['MI_TEST_DATABASE_NAME'] = database.name;
}
