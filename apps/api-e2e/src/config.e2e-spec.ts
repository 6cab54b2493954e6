import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

/** Runs a built process with only the given environment (plus PATH) and returns what it printed. */
function run(script: string, env: Record<string, string>, args: string[] = []) {
  const result = spawnSync(process.execPath, [join(workspaceRoot, script), ...args], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const STACK_LINE = /^\s+at .+/m;

describe('a bad configuration stops every process with one clear message per variable', () => {
  it('the API names each bad variable once, with no stack trace, and exits 1', () => {
    const { status, output } = run('dist/apps/api/main.js', { DATABASE_URL: 'mysql://nope', JWT_SECRET: 'short', PORT: 'abc' });
    expect(status).toBe(1);
    expect(output.trim().split('\n')).toEqual([
      'Invalid configuration:',
      '  - DATABASE_URL must be a postgres:// URL',
      '  - JWT_SECRET must be at least 32 characters long',
      '  - PORT must be a whole number from 1 to 65535 (got "abc")',
    ]);
  });

  it('the worker does the same for what it uses', () => {
    const { status, output } = run('dist/apps/worker/main.js', { DATABASE_URL: 'postgres://x@127.0.0.1/db', LOG_LEVEL: 'loud' });
    expect(status).toBe(1);
    expect(output).toContain('LOG_LEVEL must be one of the following values');
    expect(output).not.toMatch(STACK_LINE);
  });

  it('--migrate needs only DATABASE_URL, and says so when it is missing', () => {
    const { status, output } = run('dist/apps/api/main.js', { PORT: 'abc', JWT_SECRET: 'short' }, ['--migrate']);
    expect(status).toBe(1);
    expect(output.trim().split('\n')).toEqual(['Invalid configuration:', '  - DATABASE_URL must be a postgres:// URL']);
  });
});
