import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { LoginResponse, MlflowSyncStatusResponse, MlflowTestResponse, RegisterRequest, WebRoutes } from '@model-inventory/contracts';
import { settleForScreenshot, storeSession } from './support/console';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const REPO_ROOT = join(__dirname, '..', '..', '..');
const MLFLOW_USER = { password: 'e2e-mlflow-secret', username: 'e2e-reader' };

/** The fake MLflow (tools/mlflow-fake) on a free port with basic auth: 6 models × 3 versions. */
async function startFakeMlflow(): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [join(REPO_ROOT, 'tools/mlflow-fake/main.mjs'), '--port', '0', '--models', '6', '--versions-per-model', '3', '--auth', 'basic', '--username', MLFLOW_USER.username, '--password', MLFLOW_USER.password],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The fake MLflow exited (${code}) before it listened`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  const url = /^Fake MLflow on (\S+)/.exec(firstLine)?.[1];
  if (!url) throw new Error(`Unexpected first line from the fake MLflow: ${firstLine}`);
  return { process: child, url };
}

/** A new organisation whose Admin is signed in through the stored session. */
async function signedInAdmin(page: Page, request: APIRequestContext): Promise<string> {
  const suffix = randomUUID().slice(0, 8);
  const admin: RegisterRequest = { email: `mlflow-${suffix}@e2e.example.com`, name: 'Margaret Hamilton', organization_name: `MLflow Labs ${suffix}`, password: 'correct-horse-battery-staple' };
  const registered = await request.post('/api/auth/register', { data: admin });
  expect(registered.status()).toBe(201);
  const session = (await registered.json()) as LoginResponse;
  await storeSession(page, session.access_token, session.expires_in);
  return session.access_token;
}

/**
 * Removes the connection once a test is done: the fake stops with the file, and the hourly scheduled sync would
 * otherwise keep the stack's worker busy retrying an unreachable server for each organisation a run left behind.
 */
async function disconnect(request: APIRequestContext, token: string): Promise<void> {
  expect((await request.delete('/api/integrations/mlflow/config', { headers: { Authorization: `Bearer ${token}` } })).status()).toBe(204);
}

/** Connects, tests and syncs through the API, waiting for the sync to finish. */
async function connectAndSync(request: APIRequestContext, token: string): Promise<void> {
  const headers = { Authorization: `Bearer ${token}` };
  const base = '/api/integrations/mlflow';
  const config = await request.put(`${base}/config`, { data: { auth_method: 'basic', tracking_server_url: fake.url, ...MLFLOW_USER }, headers });
  expect(config.status(), await config.text()).toBe(200);
  expect(((await (await request.post(`${base}/test`, { headers })).json()) as MlflowTestResponse).success).toBe(true);
  expect((await request.post(`${base}/sync`, { headers })).status()).toBe(202);
  await expect
    .poll(async () => ((await (await request.get(`${base}/sync-status`, { headers })).json()) as MlflowSyncStatusResponse).last_sync_status, { timeout: 60_000 })
    .toBe('success');
}

let fake: { process: ChildProcess; url: string };

test.beforeAll(async () => {
  fake = await startFakeMlflow();
});

test.afterAll(() => {
  fake?.process.kill('SIGTERM');
});

test('MLflow: connect with basic auth, test, sync, browse and group the versions, and add one to the inventory', async ({ page, request }) => {
  test.setTimeout(180_000);
  const token = await signedInAdmin(page, request);

  // Without a connection the tab points to the settings.
  await page.goto(`/${WebRoutes.modelInventory}/mlflow`);
  await page.getByTestId('mlflow-connect').click({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/settings\/mlflow$/);

  await page.getByLabel('Tracking server URL').fill(fake.url);
  await page.getByRole('radio', { name: 'Basic (username, password)' }).click();
  await page.getByLabel('Username').fill(MLFLOW_USER.username);
  await page.getByLabel('Password').fill(MLFLOW_USER.password);
  await page.getByTestId('mlflow-save').click();
  await expect(page.getByTestId('password-stored')).toHaveText('Stored — leave blank to keep it.');

  await page.getByTestId('mlflow-test').click();
  await expect(page.getByTestId('mlflow-test-result')).toHaveClass(/ok/);

  await page.getByTestId('mlflow-sync').click();
  await expect(page.getByTestId('mlflow-sync-result')).toContainText('Synced', { timeout: 60_000 });
  await expect(page.getByTestId('mlflow-sync')).toBeEnabled();
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  // Tall enough for the form, the test and the sync at once (the shell scrolls its content, not the page).
  await page.setViewportSize({ height: 1100, width: 1280 });
  await page.getByRole('heading', { name: 'Settings' }).scrollIntoViewIfNeeded();
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-settings.png') });
  await page.setViewportSize({ height: 800, width: 1280 });

  // The synced versions, grouped by stage.
  await page.goto(`/${WebRoutes.modelInventory}/mlflow`);
  await expect(page.getByTestId('mlflow-result-count')).toContainText('18 versions', { timeout: 20_000 });
  await page.getByTestId('mlflow-group-by').click();
  await page.getByRole('option', { name: 'Stage' }).click();
  await expect(page.getByTestId('mlflow-group').first()).toBeVisible();
  const groups = await page.getByTestId('mlflow-group').locator('.group-name').allTextContents();
  expect(groups.length).toBeGreaterThan(1);
  expect(new Set(groups).size).toBe(groups.length);
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-tab.png') });

  // The detail of a Production version, then import it.
  await page.getByTestId('mlflow-stage').click();
  await page.getByRole('option', { name: 'Production', exact: true }).click();
  const row = page.getByTestId('mlflow-row').first();
  await expect(row).toContainText('Production');
  const modelName = (await row.getByTestId('mlflow-model-name').textContent())?.trim() ?? '';
  await row.click();
  const detail = page.getByTestId('mlflow-detail');
  await expect(detail.getByTestId('mlflow-detail-metrics')).toBeVisible();
  await expect(detail).toContainText('Last synced');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-detail.png') });

  await detail.getByTestId('mlflow-add-to-inventory').click();
  const dialog = page.getByRole('dialog').last();
  await dialog.getByLabel('Approver').fill('model.risk@acme-corp.com');
  await dialog.getByLabel('Hosting provider').fill('On-premises (Frankfurt)');
  await dialog.getByLabel('Capabilities').fill('scoring, classification');
  await dialog.getByLabel('Known biases').fill('Trained on 2019–2024 applications only.');
  await dialog.getByLabel('Limitations').fill('Not validated for small-business lending.');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-import-form.png') });
  await dialog.getByTestId('mlflow-import-submit').click();
  await expect(dialog.getByTestId('mlflow-import-done')).toBeVisible();
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-imported.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  // Only the detail panel is left (the import dialog's backdrop would swallow the next click while it fades).
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(detail.getByTestId('inventory-model-link')).toBeVisible();

  await detail.getByTestId('inventory-model-link').click();
  await expect(page).toHaveURL(/\/model-inventory\/models\/\d+$/);
  await page.goto(`/${WebRoutes.modelInventory}/models`);
  await expect(page.getByTestId('model-name').filter({ hasText: modelName })).toBeVisible({ timeout: 15_000 });

  // Back on the tab the version is in the register.
  await page.goto(`/${WebRoutes.modelInventory}/mlflow`);
  await page.getByTestId('mlflow-search').fill(modelName);
  await expect(page.getByTestId('mlflow-row').filter({ has: page.getByTestId('in-register') })).toHaveCount(1);
  await disconnect(request, token);
});

test('MLflow tab on a phone: each version is a card, nothing scrolls sideways', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ height: 800, width: 390 });
  const token = await signedInAdmin(page, request);
  await connectAndSync(request, token);
  await page.goto(`/${WebRoutes.modelInventory}/mlflow`);
  await expect(page.getByTestId('mlflow-result-count')).toContainText('18 versions', { timeout: 20_000 });
  const row = page.getByTestId('mlflow-row').first();
  await expect(row).toBeVisible();
  const register = row.locator('td[data-label="In the register"]');
  await expect(register).toContainText('No');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'mlflow-phone.png') });
  const box = await register.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  await disconnect(request, token);
});
