// @ts-check
// The browser step: Playwright with the list reporter on the console and a JSON report for the counts.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { heading } from '../../lib/output.mjs';
import { repoRoot } from '../../lib/paths.mjs';
import { CHROMIUM_HELP, findChromium } from '../chromium.mjs';
import { addPlaywrightCounts } from './reports.mjs';
import { emptyResult } from './step-result.mjs';
import { bins, runTool } from './tool-process.mjs';

const PLAYWRIGHT_CONFIG = 'apps/web-e2e/playwright.config.mts';
const PLAYWRIGHT_REPORT = join(
  repoRoot,
  'apps/web-e2e/test-output/results.json',
);

/** @param {NodeJS.ProcessEnv} env */
export async function runBrowserTests(env) {
  const result = emptyResult('browser');
  const started = Date.now();
  if (!existsSync(join(repoRoot, PLAYWRIGHT_CONFIG))) {
    return {
      ...result,
      failed: true,
      problems: [`${PLAYWRIGHT_CONFIG} not found`],
    };
  }
  heading(`Browser: ${PLAYWRIGHT_CONFIG}`);
  if (!findChromium(env)) {
    console.error(CHROMIUM_HELP);
    return { ...result, failed: true, problems: [CHROMIUM_HELP] };
  }
  rmSync(PLAYWRIGHT_REPORT, { force: true });
  const { code } = await runTool(
    [bins.playwright, 'test', '-c', PLAYWRIGHT_CONFIG, '--reporter=list,json'],
    {
      ...env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_REPORT,
    },
  );
  result.ms = Date.now() - started;
  addPlaywrightCounts(result, PLAYWRIGHT_REPORT, code);
  return result;
}
