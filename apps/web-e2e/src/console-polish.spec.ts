import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LoginResponse } from '@model-inventory/contracts';
import { cutCardCells, storeSession } from './support/console';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');

const PASSWORD = 'correct-horse-battery-staple';

/** A new organisation (its Admin's session) with one Approved model. */
async function registerWithAModel(request: APIRequestContext): Promise<LoginResponse> {
  const suffix = randomUUID().slice(0, 8);
  const registered = await request.post('/api/auth/register', {
    data: { email: `polish-${suffix}@e2e.example.com`, name: 'Ada Lovelace', organization_name: `Polish ${suffix}`, password: PASSWORD },
  });
  expect(registered.status()).toBe(201);
  const session = (await registered.json()) as LoginResponse;
  const model = {
    provider: 'Anthropic', model: 'Claude 3.5 Sonnet', version: '20241022', approver: 'governance@example.com', capabilities: ['text-generation'],
    status: 'Approved', status_rationale: 'Assessed by the AI board.', status_date: '2026-01-15', reference_link: 'https://example.com',
    biases: 'None known', limitations: 'Context window', hosting_provider: 'Cloud',
  };
  expect((await request.post('/api/modelInventory', { data: model, headers: { Authorization: `Bearer ${session.access_token}` } })).status()).toBe(201);
  return session;
}

/** Signed in through the stored session, as a returning user would be. */
async function useSession(page: Page, session: LoginResponse): Promise<void> {
  await storeSession(page, session.access_token, session.expires_in);
}

/** A new organisation with one model, signed in as its Admin. */
async function signedInWithAModel(page: Page, request: APIRequestContext): Promise<void> {
  await useSession(page, await registerWithAModel(request));
}

test('on a phone each model is a card whose status shows without scrolling sideways', async ({ page, request }) => {
  await page.setViewportSize({ height: 800, width: 390 });
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/models');
  const row = page.getByTestId('model-row').first();
  await expect(row).toContainText('Claude 3.5 Sonnet');
  const status = row.locator('td[data-label="Status"]');
  await expect(status).toContainText('Approved');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'models-phone.png') });
  const box = await status.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  // Every value shows whole: none is cut at its cell's edge (the approver's e-mail was, by the column's desktop width).
  expect(await cutCardCells(row)).toEqual([]);
  // The count, toggle, grouping and column chooser above the cards wrap rather than squeeze the grouping to its arrow.
  await expect(page.getByTestId('group-by')).toContainText('Group: None');
  const grouping = await page.getByTestId('group-by').boundingBox();
  expect(grouping?.width).toBeGreaterThan(100);
});

test('the first Tab reaches a skip link that jumps past the navigation', async ({ page, request }) => {
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/models');
  await expect(page.getByTestId('model-row').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main-content')).toBeFocused();
});

test('an unknown address shows a not-found page with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
  await expect(page).toHaveURL(/\/no\/such\/page$/);
  await page.getByRole('link', { name: 'Go to the Model Inventory' }).click();
  await expect(page).toHaveURL(/\/login/);
});

test('the dark theme follows the system, and the model dialog shows the last decision and asks for a rationale', async ({ page, request }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/models');
  await page.getByTestId('model-row').first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('last-decision')).toContainText('Approved by Ada Lovelace');
  await expect(dialog.getByTestId('last-decision')).toContainText('Assessed by the AI board.');
  await expect(dialog.getByTestId('rationale-field')).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect(r + g + b).toBeLessThan(200);
  await page.screenshot({ path: join(SCREENSHOTS, 'model-dialog-dark.png') });
});

test('an Auditor reads a model as text, not as greyed-out inputs', async ({ page, request }) => {
  const admin = await registerWithAModel(request);
  const email = `auditor-${randomUUID().slice(0, 8)}@e2e.example.com`;
  const added = await request.post('/api/users', {
    data: { email, name: 'Grace Hopper', password: PASSWORD, role: 'Auditor' },
    headers: { Authorization: `Bearer ${admin.access_token}` },
  });
  expect(added.status()).toBe(201);
  const login = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  await useSession(page, (await login.json()) as LoginResponse);

  await page.goto('/model-inventory/models');
  await page.getByTestId('model-row').first().click();
  const dialog = page.getByRole('dialog');
  const details = dialog.getByTestId('model-details-view');
  await expect(details).toContainText('Claude 3.5 Sonnet');
  await expect(details.getByTestId('decision')).toContainText('Approved by Ada Lovelace');
  await expect(details).toContainText('Assessed by the AI board.');
  await expect(details.getByRole('link', { name: 'https://example.com' })).toBeVisible();
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: /Save|Delete/ })).toHaveCount(0);
  await expect(dialog).toContainText('Read-only');
  await page.screenshot({ path: join(SCREENSHOTS, 'model-auditor-view.png') });
});

test('the column chooser opens below its button, and the status cards speak in plain English', async ({ page, request }) => {
  await page.setViewportSize({ height: 900, width: 1440 });
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/models');
  await expect(page.getByTestId('model-row').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: '1 model approved. Show only Approved models' })).toBeVisible();
  await expect(page.getByRole('button', { name: '1 model in total. Show all models' })).toBeVisible();
  await expect(page.getByRole('button', { name: '0 models pending. Show only Pending models' })).toBeVisible();

  const trigger = page.getByTestId('columns');
  const menu = page.getByRole('menu');
  const openedBoxes = async () => {
    await trigger.click();
    await expect(menu.getByRole('menuitemcheckbox', { name: 'Hosting' })).toBeVisible();
    const [button, panel] = await Promise.all([trigger.boundingBox(), menu.boundingBox()]);
    if (!button || !panel) throw new Error('the column chooser or its button has no box');
    return { button, panel };
  };

  // A laptop screen: the whole list, below the button and on screen.
  const laptop = await openedBoxes();
  expect(laptop.panel.y).toBeGreaterThanOrEqual(laptop.button.y + laptop.button.height - 1);
  expect(laptop.panel.y + laptop.panel.height).toBeLessThanOrEqual(900);
  await page.screenshot({ path: join(SCREENSHOTS, 'columns-menu.png') });
  await menu.getByRole('menuitemcheckbox', { name: 'Hosting' }).click();
  await expect(page.getByRole('columnheader', { name: 'Hosting' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  // A short window: no room below, so it opens above the button — still beside it, never pushed over the header.
  await page.setViewportSize({ height: 640, width: 1280 });
  const short = await openedBoxes();
  const clearOfButton = short.panel.y + short.panel.height <= short.button.y + 1 || short.panel.y >= short.button.y + short.button.height - 1;
  expect(clearOfButton).toBe(true);
  expect(short.panel.y).toBeGreaterThanOrEqual(64);
  await page.screenshot({ path: join(SCREENSHOTS, 'columns-menu-short-window.png') });
});

test('a tooltip never takes a click meant for what lies under it', async ({ page, request }) => {
  await page.setViewportSize({ height: 900, width: 1440 });
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/risks');
  await page.getByTestId('group-by').hover();
  const tooltip = page.locator('.mat-mdc-tooltip-surface', { hasText: 'Groups the rows of the page shown' });
  await expect(tooltip).toBeVisible();
  const box = await tooltip.boundingBox();
  if (!box) throw new Error('the tooltip has no box');
  // What a click at the tooltip's middle reaches: the page under it (a select's first option, say), not the tooltip.
  const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.mat-mdc-tooltip-panel') === null, [box.x + box.width / 2, box.y + box.height / 2]);
  expect(hit).toBe(true);
});
