import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { LoginResponse } from '@model-inventory/contracts';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');

/** A new organisation with one model, signed in through the stored session as a returning user would be. */
async function signedInWithAModel(page: Page, request: APIRequestContext): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const registered = await request.post('/api/auth/register', {
    data: { email: `polish-${suffix}@e2e.example.com`, name: 'Ada Lovelace', organization_name: `Polish ${suffix}`, password: 'correct-horse-battery-staple' },
  });
  expect(registered.status()).toBe(201);
  const session = (await registered.json()) as LoginResponse;
  const model = {
    provider: 'Anthropic', model: 'Claude 3.5 Sonnet', version: '20241022', approver: 'governance@example.com', capabilities: ['text-generation'],
    status: 'Approved', status_rationale: 'Assessed by the AI board.', status_date: '2026-01-15', reference_link: 'https://example.com',
    biases: 'None known', limitations: 'Context window', hosting_provider: 'Cloud',
  };
  expect((await request.post('/api/modelInventory', { data: model, headers: { Authorization: `Bearer ${session.access_token}` } })).status()).toBe(201);
  await page.addInitScript(
    ([token, expiresAt]) => localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken: token, expiresAt })),
    [session.access_token, Date.now() + session.expires_in * 1000] as const,
  );
}

test('on a phone each model is a card whose status shows without scrolling sideways', async ({ page, request }) => {
  await page.setViewportSize({ height: 800, width: 390 });
  await signedInWithAModel(page, request);
  await page.goto('/model-inventory/models');
  const row = page.getByTestId('model-row').first();
  await expect(row).toContainText('Claude 3.5 Sonnet');
  const status = row.locator('td[data-label="Status"]');
  await expect(status).toContainText('Approved');
  const box = await status.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: join(SCREENSHOTS, 'models-phone.png') });
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
