import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { API_TOKEN_PREFIX, RegisterRequest, RegisterResponse, WebRoutes } from '@model-inventory/contracts';
import { settleForScreenshot } from './support/console';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';
const NEW_PASSWORD = 'a-longer-passphrase-for-2027';

async function registerOrganisation(request: APIRequestContext): Promise<RegisterRequest & { token: string }> {
  const suffix = randomUUID().slice(0, 8);
  const admin: RegisterRequest = {
    email: `trust-lead-${suffix}@e2e.example.com`,
    name: 'Grace Hopper',
    organization_name: `Acme Analytics ${suffix}`,
    password: PASSWORD,
  };
  const registered = await request.post('/api/auth/register', { data: admin });
  expect(registered.status()).toBe(201);
  return { ...admin, token: ((await registered.json()) as RegisterResponse).access_token };
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`/${WebRoutes.login}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/model-inventory\/models$/);
}

/** Calls the API the way a script would: plain fetch with a bearer token, no browser. */
async function callApi(baseURL: string | undefined, token: string, path: string, init: RequestInit = {}): Promise<number> {
  if (!baseURL) throw new Error('The tests need a baseURL.');
  const response = await fetch(new URL(path, baseURL), {
    ...init,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
  });
  await response.arrayBuffer();
  return response.status;
}

const sessionToken = (page: Page) =>
  page.evaluate(() => (JSON.parse(localStorage.getItem('model-inventory.session') ?? '{}') as { accessToken?: string }).accessToken ?? null);
const dialog = (page: Page) => page.getByRole('dialog').last();

test('API tokens: create one in Settings, see it once, script the API with it at its lower role, revoke it', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await registerOrganisation(request);
  await signIn(page, admin.email);

  await page.goto(`/${WebRoutes.settings}`);
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await expect(page).toHaveURL(/\/settings\/api-tokens$/);
  await expect(page.getByText('No API tokens yet')).toBeVisible();

  await page.getByRole('button', { name: 'Create token' }).click();
  await dialog(page).getByLabel('Name').fill('Nightly compliance export');
  await dialog(page).getByTestId('token-role').click();
  await expect(page.getByRole('option')).toHaveText(['Admin', 'Reviewer', 'Editor', 'Auditor']);
  await page.getByRole('option', { name: 'Auditor' }).click();
  await dialog(page).getByRole('button', { name: 'Create token' }).click();

  await expect(dialog(page).getByRole('heading', { name: 'Copy your new API token' })).toBeVisible();
  await expect(dialog(page).getByTestId('token-once-warning')).toContainText('you will not see it again');
  const token = await dialog(page).getByTestId('created-token').inputValue();
  expect(token.startsWith(API_TOKEN_PREFIX)).toBe(true);
  expect(token.length).toBeGreaterThanOrEqual(40);
  await dialog(page).getByRole('button', { name: 'Copy token' }).click();
  await expect(dialog(page).getByRole('button', { exact: true, name: 'Copied' })).toBeVisible();
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'api-token-created.png') });
  await dialog(page).getByRole('button', { name: 'I have copied it' }).click();

  const row = page.getByTestId('api-token-row').filter({ hasText: 'Nightly compliance export' });
  await expect(row).toContainText(token.slice(0, 8));
  await expect(row).toContainText('Auditor');
  await expect(page.getByText(token)).toHaveCount(0);

  // A script: reads work, writes are refused because the token is an Auditor's even though its user is an Admin.
  expect(await callApi(baseURL, token, '/api/modelInventory')).toBe(200);
  expect(await callApi(baseURL, token, '/api/modelInventory', { body: JSON.stringify({ model: 'x' }), method: 'POST' })).toBe(403);

  // Last used: recorded on the token's first call (in the background), so look again until it shows.
  await expect(async () => {
    await page.reload();
    await expect(row).not.toContainText('Never', { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'api-tokens.png') });

  await row.getByRole('button', { name: 'Revoke Nightly compliance export' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  expect(await callApi(baseURL, token, '/api/modelInventory')).toBe(401);
});

test('account and security log: change the password, sign out, sign in again, and find it all in the security log', async ({ page, request, baseURL }) => {
  test.setTimeout(150_000);
  const admin = await registerOrganisation(request);
  const wrong = await request.post('/api/auth/login', { data: { email: admin.email, password: 'not-the-password' } });
  expect(wrong.status()).toBe(401);
  await signIn(page, admin.email);

  // Change my password: every field's error on an empty submit, then a clearly reported wrong current password.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Change my password' }).click();
  await dialog(page).getByRole('button', { name: 'Change password' }).click();
  await expect(dialog(page).locator('mat-error')).toHaveText([
    'Current password is required.',
    'New password is required.',
    'Confirm new password is required.',
  ]);
  await dialog(page).getByLabel('Current password').fill('not-my-password');
  await dialog(page).getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await dialog(page).getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await dialog(page).getByRole('button', { name: 'Change password' }).click();
  await expect(dialog(page).getByTestId('current-password-error')).toHaveText('This is not your current password.');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'change-password-wrong-current.png') });
  await dialog(page).getByLabel('Current password').fill(PASSWORD);
  await dialog(page).getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed. Your other sessions were signed out.')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // This session goes on; the one the test registered with (another session) ended.
  const browserSession = await sessionToken(page);
  expect(await callApi(baseURL, browserSession ?? '', '/api/auth/me')).toBe(200);
  expect(await callApi(baseURL, admin.token, '/api/auth/me')).toBe(401);

  // Sign out: back to sign-in, and the session's token no longer works anywhere.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await sessionToken(page)).toBeNull();
  expect(await callApi(baseURL, browserSession ?? '', '/api/auth/me')).toBe(401);

  await signIn(page, admin.email, NEW_PASSWORD);
  await page.goto(`/${WebRoutes.settings}`);
  await page.getByRole('tab', { name: 'Security log' }).click();
  await expect(page).toHaveURL(/\/settings\/security-log$/);
  const rows = page.getByTestId('audit-event-row');
  await expect(rows.first()).toContainText('Signed in');
  for (const action of ['Sign-in failed', 'Password changed', 'Signed out']) {
    await expect(rows.filter({ hasText: action }).first()).toBeVisible();
  }
  await expect(rows.filter({ hasText: 'Sign-in failed' })).toContainText('Failed');
  await expect(rows.filter({ hasText: 'Signed in' }).first()).toContainText(admin.email);
  await settleForScreenshot(page);
  await page.screenshot({ fullPage: true, path: join(SCREENSHOTS, 'security-log.png') });

  await page.getByTestId('filter-action').click();
  await page.getByRole('option', { name: 'Sign-in failed' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/action=auth\.login_failed/);
  await expect(rows).toHaveCount(1);
  await page.reload();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Failed');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-security-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('auth.login_failed');
  expect(csv).not.toContain('auth.logout');
});

test('users: an Admin renames a user and resets their password, which signs them out', async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  const admin = await registerOrganisation(request);
  const email = `alan-${randomUUID().slice(0, 8)}@e2e.example.com`;
  const created = await request.post('/api/users', {
    data: { email, name: 'Alan Turing', password: PASSWORD, role: 'Editor' },
    headers: { Authorization: `Bearer ${admin.token}` },
  });
  expect(created.status()).toBe(201);
  const alanLogin = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  const alanSession = ((await alanLogin.json()) as { access_token: string }).access_token;

  await signIn(page, admin.email);
  await page.goto(`/${WebRoutes.settings}`);
  await page.getByRole('button', { name: 'Edit Alan Turing' }).click();
  await dialog(page).getByLabel('Name').fill('Alan M. Turing');
  await dialog(page).getByLabel('New password').fill('enigma-bombe-1940');
  await settleForScreenshot(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'user-edit.png') });
  await dialog(page).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Alan M. Turing has a new password and was signed out everywhere.')).toBeVisible();
  await expect(page.locator('tr[mat-row]').filter({ hasText: email })).toContainText('Alan M. Turing');

  expect(await callApi(baseURL, alanSession, '/api/auth/me')).toBe(401);
  const relogin = await request.post('/api/auth/login', { data: { email, password: 'enigma-bombe-1940' } });
  expect(relogin.status()).toBe(200);
});
