// @ts-check
// The "Model Inventory is running" banner: URLs, the demo login, the database and queue in use.
import { dataRoot, relativeToRepo } from '../lib/paths.mjs';
import { paint } from '../lib/output.mjs';

const DEMO_ADMIN_EMAIL = 'admin@demo.local';
const DEMO_ADMIN_PASSWORD = 'demo-admin-2026';

/**
 * @param {NodeJS.ProcessEnv} env  the environment of the API (PORT, DEMO_SEED, DEMO_ADMIN_*)
 * @param {{ description: string, note?: string }} database
 * @param {{ description: string }} queue
 */
export function printBanner(env, database, queue) {
  const base = `http://localhost:${env.PORT}`;
  const rows = [
    ['Console', base],
    ['API docs', `${base}/api/docs`],
    ['true', '1', 'yes'].includes((env.DEMO_SEED ?? '').trim().toLowerCase())
      ? [
          'Demo login',
          `${env.DEMO_ADMIN_EMAIL || DEMO_ADMIN_EMAIL} / ${env.DEMO_ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD}` +
            paint(
              '  (created when the database has no organisation yet)',
              'dim',
            ),
        ]
      : ['Demo login', 'none (DEMO_SEED is not true)'],
    ['Database', database.description],
    ...(database.note ? [['', paint(database.note, 'dim')]] : []),
    ['Queue', queue.description],
    ['Data', relativeToRepo(dataRoot())],
  ];
  const line = paint('─'.repeat(72), 'green');
  const body = rows
    .map(([label, value]) => `  ${paint(label.padEnd(11), 'bold')}${value}`)
    .join('\n');
  process.stdout.write(
    `\n${line}\n  ${paint('Model Inventory is running', 'green')}\n\n${body}\n\n  Press Ctrl-C to stop.\n${line}\n\n`,
  );
}
