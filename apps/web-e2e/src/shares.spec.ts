import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelStatus } from '@model-inventory/contracts';
import { addModel, registerOrganisation, SCREENSHOTS, settleForScreenshot, signIn } from './support/console';


const REVIEWED = 'Reviewed by the model risk committee.';

test('share links: a filtered read-only view opened without signing in, exported, then revoked', async ({ browser, page, request }) => {
  test.setTimeout(180_000);
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'share-lead' });
  await addModel(request, token, { extra: { status: ModelStatus.APPROVED, status_rationale: REVIEWED }, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  await addModel(request, token, { extra: { status: ModelStatus.PENDING }, model: 'o1-mini', provider: 'OpenAI', version: '2024-09-12' });
  await addModel(request, token, { extra: { status: ModelStatus.APPROVED, status_rationale: REVIEWED }, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' });
  await addModel(request, token, { extra: { status: ModelStatus.PENDING }, model: 'Llama 3.1 70B', provider: 'Meta', version: '3.1' });

  await page.setViewportSize({ height: 900, width: 1440 });
  await signIn(page, admin.email);
  await page.goto('/model-inventory/models?provider=OpenAI');
  await expect(page.getByRole('row').filter({ hasText: 'GPT-4o' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Claude' })).toHaveCount(0);

  // Create a link of this filtered view, with export, and read its address once.
  await page.getByTestId('share-menu').click();
  await page.getByTestId('create-share-link').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('share-filters')).toContainText('Provider: OpenAI');
  await dialog.getByText('Allow CSV export').click();
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'share-create.png') });
  await dialog.getByTestId('create-share').click();
  await expect(dialog.getByTestId('link-once-warning')).toContainText('you will not see this link again');
  const url = await dialog.getByTestId('created-link').inputValue();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'share-created.png') });
  await dialog.getByTestId('share-done').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // A stranger: a fresh browser context, never signed in.
  const stranger = await browser.newContext({ acceptDownloads: true, viewport: { height: 800, width: 1280 } });
  const visitor = await stranger.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole('heading', { name: 'Shared view — read-only' })).toBeVisible();
  await expect(visitor).toHaveURL(url);
  const sharedRows = visitor.getByRole('row').filter({ hasNotText: 'Provider' });
  await expect(sharedRows).toHaveCount(2);
  await expect(sharedRows.filter({ hasText: 'GPT-4o' })).toBeVisible();
  await expect(sharedRows.filter({ hasText: 'o1-mini' })).toBeVisible();
  await expect(visitor.getByText('Claude 3.5 Sonnet')).toHaveCount(0);
  await expect(visitor.getByText('Acme Analytics')).toHaveCount(0);
  await expect(visitor.getByTestId('shared-count')).toContainText('of 2 models');
  // The stranger never opens the console: their page does not preload its first screen, the signed-in page does.
  await expect(visitor.locator('link[data-first-screen]')).toHaveCount(0);
  expect(await page.locator('link[data-first-screen]').count()).toBeGreaterThan(0);
  await settleForScreenshot(visitor);
  await visitor.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'share-public-view.png') });

  const [download] = await Promise.all([visitor.waitForEvent('download'), visitor.getByTestId('shared-export').click()]);
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(3);
  expect(csv).toContain('GPT-4o');
  expect(csv).toContain('o1-mini');
  expect(csv).not.toContain('Claude');

  // Back in the console: the link was opened, and is revoked.
  await page.getByTestId('share-menu').click();
  await page.getByTestId('manage-share-links').click();
  const links = page.getByRole('dialog');
  const link = links.getByRole('row').filter({ hasText: 'Provider: OpenAI' });
  await expect(link).toContainText('Live');
  await expect(link).toContainText(/[2-9] times/);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'share-links.png') });
  await link.getByTestId('revoke-share').click();
  await page.getByRole('alertdialog').getByTestId('confirm').click();
  await expect(link).toContainText('Revoked');
  await expect(link.getByTestId('revoke-share')).toHaveCount(0);

  await visitor.reload();
  await expect(visitor.getByTestId('share-unavailable')).toContainText('This link is not available');
  await expect(visitor).toHaveURL(url);
  await expect(visitor.getByRole('table')).toHaveCount(0);
  await settleForScreenshot(visitor);
  await visitor.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'share-not-available.png') });
  await stranger.close();
});
