import { Browser, BrowserContext, expect, Page } from '@playwright/test';
import { LoginResponse } from '@model-inventory/contracts';
import { storeSession } from './console';

/** The text of the row the first-load measurements wait for. */
export const FIRST_ROW_TEXT = 'GPT-4o';

/**
 * The same first page of models written into a bare table by one `fetch` and a few DOM calls: what this browser, this
 * API and this machine need to show the rows without the console. Served by the test itself on the console's origin,
 * so it reads the same session from localStorage and sends the same request as the console.
 */
const PLAIN_ROWS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Plain rows</title></head><body>
<table><tbody id="rows"></tbody></table>
<script>
  const { accessToken } = JSON.parse(localStorage.getItem('model-inventory.session'));
  fetch('/api/modelInventory?limit=25&offset=0', { headers: { Authorization: 'Bearer ' + accessToken } })
    .then((response) => response.json())
    .then((page) => {
      const rows = document.getElementById('rows');
      for (const model of page.items) {
        const row = document.createElement('tr');
        for (const value of [model.provider, model.model, model.version, model.status]) {
          const cell = document.createElement('td');
          cell.textContent = value;
          row.append(cell);
        }
        rows.append(row);
      }
    });
</script></body></html>`;
const PLAIN_ROWS_PATH = '/first-load-plain-rows';

/** When a load showed the first model row: in any table (index.html's picture of the page counts), and in the console's own. */
export interface FirstRowTimes {
  firstRowMs: number;
  /** Undefined for the plain page, which has no console. */
  consoleRowMs?: number;
}

/**
 * A browser context with an empty cache whose localStorage holds the session (a returning user), and which notes in
 * the page when the first model row enters the DOM, and when the console's own row does, timed from the navigation's
 * start (a polling assertion would add its own retry interval to the figure).
 */
export async function signedInContext(browser: Browser, session: LoginResponse): Promise<BrowserContext> {
  const context = await browser.newContext();
  await storeSession(context, session.access_token, session.expires_in);
  await context.addInitScript((text) => {
    const marks = window as unknown as { firstRowAt?: number; consoleRowAt?: number };
    const rowWith = (selector: string) => [...document.querySelectorAll(selector)].some((row) => row.textContent?.includes(text));
    new MutationObserver((_changes, observer) => {
      if (marks.firstRowAt === undefined && rowWith('tr')) marks.firstRowAt = performance.now();
      if (marks.consoleRowAt === undefined && rowWith('tr[data-testid="model-row"]')) marks.consoleRowAt = performance.now();
      if (marks.consoleRowAt !== undefined) observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  }, FIRST_ROW_TEXT);
  return context;
}

/** Opens `path` and returns the milliseconds from the navigation's start to the first model row in the DOM. */
export async function timeFirstRow(page: Page, path: string): Promise<FirstRowTimes> {
  await page.goto(path);
  await expect(page.getByRole('row').filter({ hasText: FIRST_ROW_TEXT }).first()).toBeVisible({ timeout: 20_000 });
  return readMarks(page);
}

async function readMarks(page: Page): Promise<FirstRowTimes> {
  const marks = await page.evaluate(() => {
    const { firstRowAt, consoleRowAt } = window as unknown as { firstRowAt: number; consoleRowAt?: number };
    return { firstRowAt, consoleRowAt };
  });
  return { firstRowMs: Math.round(marks.firstRowAt), consoleRowMs: marks.consoleRowAt === undefined ? undefined : Math.round(marks.consoleRowAt) };
}

/** One first load of the console's Models tab in a fresh context, timed only, until the console shows its own rows. */
export async function timeConsoleFirstRow(browser: Browser, session: LoginResponse, path: string): Promise<Required<FirstRowTimes>> {
  const context = await signedInContext(browser, session);
  try {
    return await timeConsoleRows(await context.newPage(), path);
  } finally {
    await context.close();
  }
}

/** One load of the plain page in a fresh context: the baseline for the console's first row in the same run. */
export async function timePlainFirstRow(browser: Browser, session: LoginResponse): Promise<number> {
  const context = await signedInContext(browser, session);
  try {
    await context.route(`**${PLAIN_ROWS_PATH}`, (route) => route.fulfill({ body: PLAIN_ROWS_PAGE, contentType: 'text/html' }));
    return (await timeFirstRow(await context.newPage(), PLAIN_ROWS_PATH)).firstRowMs;
  } finally {
    await context.close();
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** `timeFirstRow` for the console: waits for its own row (the first row came before it), so both times are known. */
export async function timeConsoleRows(page: Page, path: string): Promise<Required<FirstRowTimes>> {
  await page.goto(path);
  await expect(page.getByTestId('model-row').filter({ hasText: FIRST_ROW_TEXT })).toBeVisible({ timeout: 20_000 });
  const { firstRowMs, consoleRowMs } = await readMarks(page);
  return { firstRowMs, consoleRowMs: consoleRowMs as number };
}
