import { expect, Page, test } from '@playwright/test';
import { ModelStatus } from '@model-inventory/contracts';
import { join } from 'node:path';
import { addModel, registerOrganisation, SCREENSHOTS, storeSession } from './support/console';

const MODELS = '/model-inventory/models';
const PICTURE = '#mi-first-screen';

/** Where a text is drawn on the page (the top-left corner of the text itself), in the still picture or in the console. */
async function topLeftOf(page: Page, scope: string, text: string): Promise<{ x: number; y: number }> {
  const element = page.locator(scope).getByText(text, { exact: true }).first();
  await expect(element).toBeVisible();
  return element.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const { x, y } = range.getBoundingClientRect();
    return { x: Math.round(x), y: Math.round(y) };
  });
}

/**
 * index.html's first-screen script paints the Models list from the console's own two requests before the console has
 * started (apps/web/src/first-screen): what it shows must be the organisation's rows, in the places the console then
 * draws them, and it must give way to the console.
 */
test.describe('the first screen before the console starts', () => {
  test('shows the first page of models and the status counts, where the console then shows them', async ({ browser, request }) => {
    const organisation = await registerOrganisation(request, { emailPrefix: 'first-screen' });
    await addModel(request, organisation.token, { model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022', extra: { status: ModelStatus.APPROVED } });
    await addModel(request, organisation.token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
    const context = await browser.newContext({ viewport: { height: 800, width: 1280 } });
    await storeSession(context, organisation.token);

    // The console's code never arrives: what shows is the script's picture alone.
    const still = await context.newPage();
    await still.route('**/main-*.js', (route) => route.abort());
    await still.goto(MODELS);
    const picture = still.locator(PICTURE);
    await expect(picture.getByRole('row')).toHaveCount(3);
    await expect(picture.getByRole('row').nth(1)).toHaveText(/OpenAI\s*GPT-4o\s*2024-08-06.*Pending\s*Jan 15, 2026/);
    await expect(picture.getByRole('row').nth(2)).toHaveText(/Anthropic\s*Claude 3\.5 Sonnet\s*20241022.*Approved/);
    await expect(picture.locator('[data-status="Approved"] .mi-fs-card-count')).toHaveText('1');
    await expect(picture.locator('[data-status="Total"] .mi-fs-card-count')).toHaveText('2');
    await expect(picture).toContainText('1–2 of 2 models');
    await still.screenshot({ path: join(SCREENSHOTS, 'first-screen-picture.png') });
    const painted = {
      row: await topLeftOf(still, PICTURE, 'GPT-4o'),
      date: await topLeftOf(still, PICTURE, 'Jan 15, 2026'),
      count: await topLeftOf(still, PICTURE, 'Models in the register'),
    };

    // The console starts, shows the same rows itself and removes the picture.
    const page = await context.newPage();
    await page.goto(MODELS);
    await expect(page.getByTestId('model-row')).toHaveCount(2);
    await expect(page.locator(PICTURE)).toHaveCount(0);
    const drawn = {
      row: await topLeftOf(page, 'main', 'GPT-4o'),
      date: await topLeftOf(page, 'main', 'Jan 15, 2026'),
      count: await topLeftOf(page, 'main', 'Models in the register'),
    };
    // The rows and the cards stay where they were (columns may move a little: the console's headings hold sort arrows).
    for (const key of ['row', 'date', 'count'] as const) {
      expect(Math.abs(drawn[key].y - painted[key].y), `${key}: painted at ${painted[key].y}px, drawn at ${drawn[key].y}px`).toBeLessThanOrEqual(2);
    }
    expect(Math.abs(drawn.count.x - painted.count.x)).toBeLessThanOrEqual(2);
    // The rows are the console's own: one opens its model.
    await page.getByTestId('model-row').filter({ hasText: 'GPT-4o' }).click();
    await expect(page.getByRole('dialog')).toContainText('GPT-4o');
    await context.close();
  });

  test('is not painted where it would not match the page: another page, filters in the address, no session', async ({ browser, request }) => {
    const organisation = await registerOrganisation(request, { emailPrefix: 'first-screen-not' });
    await addModel(request, organisation.token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
    const context = await browser.newContext({ viewport: { height: 800, width: 1280 } });
    const asked: string[] = [];
    context.on('request', (sent) => {
      if (sent.url().includes('/api/modelInventory?')) asked.push(new URL(sent.url()).search);
    });
    const stranger = await context.newPage();
    await stranger.route('**/main-*.js', (route) => route.abort());
    await stranger.goto(MODELS);
    await expect(stranger.locator('.mi-splash')).toBeVisible();
    await expect(stranger.locator(PICTURE)).toHaveCount(0);
    expect(asked).toEqual([]);

    await storeSession(context, organisation.token);
    for (const path of ['/settings', `${MODELS}?status=Approved`]) {
      const page = await context.newPage();
      await page.route('**/main-*.js', (route) => route.abort());
      await page.goto(path);
      await expect(page.locator('.mi-splash')).toBeVisible();
      await expect(page.locator(PICTURE)).toHaveCount(0);
    }
    expect(asked, 'the script asked for no list it would not paint').toEqual([]);

    // With filters in the address the console asks for the filtered list itself, once.
    const filtered = await context.newPage();
    await filtered.goto(`${MODELS}?status=Pending`);
    await expect(filtered.getByTestId('model-row')).toHaveCount(1);
    expect(asked.filter((search) => search.includes('status=Pending'))).toHaveLength(1);
    await context.close();
  });
});
