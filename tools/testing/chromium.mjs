// @ts-check
// Finds a Chromium for Playwright: CHROMIUM_PATH, a system Chromium/Chrome, or Playwright's own download.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

// Keep in step with apps/web-e2e/playwright.config.mts (which Nx loads in a context that cannot import this file).
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];

/** @returns {{ path: string | undefined, source: string } | null} undefined path = Playwright's own browser */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : null;
  const system = SYSTEM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (system) return { path: system, source: 'system' };
  const bundled = chromium.executablePath();
  return bundled && existsSync(bundled) ? { path: undefined, source: 'playwright' } : null;
}

export const CHROMIUM_HELP =
  'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.';
