import { defineConfig } from '@playwright/test';
import { nxE2EPreset } from '@nx/playwright/preset';
import { workspaceRoot } from '@nx/devkit';
import { existsSync } from 'node:fs';

const baseURL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3100';

// A system Chromium when there is one (no download needed); otherwise Playwright's own (`npx playwright install chromium`).
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
const executablePath = process.env['CHROMIUM_PATH'] || SYSTEM_CHROMIUM.find((path) => existsSync(path));

export default defineConfig({
  ...nxE2EPreset(import.meta.dirname, { testDir: './src' }),
  outputDir: './test-output/artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-output/results.json' }]],
  retries: process.env['CI'] ? 1 : 0,
  use: {
    baseURL,
    trace: 'on-first-retry',
  },
  // E2E_BASE_URL names a stack that is already running (`node tools/testing/e2e-stack.mjs --port N`); otherwise one is started.
  webServer: process.env['E2E_BASE_URL'] ? undefined : {
    command: 'node tools/testing/e2e-stack.mjs --port 3100',
    cwd: workspaceRoot,
    // Lets the stack stop its processes and drop its database instead of being killed outright.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    reuseExistingServer: !process.env['CI'],
    timeout: 180_000,
    url: 'http://127.0.0.1:3100/api/health',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-dev-shm-usage',
          ],
        },
        viewport: { height: 800, width: 1280 },
      },
    },
  ],
});
