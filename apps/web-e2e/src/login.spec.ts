import { APIRequestContext, expect, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ModelInventoryTabs, RegisterRequest, WebRoutes } from '@model-inventory/contracts';

const SCREENSHOT = join(__dirname, '..', 'screenshots', 'console-shell.png');
const TAB_LABELS = { evidence: 'Evidence', mlflow: 'MLflow', models: 'Models', risks: 'Risks' } as const;

async function registerOrganisation(request: APIRequestContext): Promise<RegisterRequest> {
  const suffix = randomUUID().slice(0, 8);
  const account: RegisterRequest = {
    email: `lead-${suffix}@e2e.example.com`,
    name: 'Grace Hopper',
    organization_name: `Acme Analytics ${suffix}`,
    password: 'correct-horse-battery-staple',
  };
  const response = await request.post('/api/auth/register', { data: account });
  expect(response.status()).toBe(201);
  return account;
}

test('a registered user signs in and finds the Model Inventory with its four tabs', async ({ page, request }) => {
  const account = await registerOrganisation(request);

  await page.goto(`/${WebRoutes.login}`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(/\/model-inventory\/models$/);
  await expect(page.getByTestId('organization-name')).toHaveText(account.organization_name);
  await expect(page.getByTestId('user-name')).toHaveText(account.name);
  await expect(page.getByRole('heading', { level: 1, name: 'Model Inventory' })).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText(ModelInventoryTabs.map((tab) => new RegExp(`${TAB_LABELS[tab]}\\s*$`)));

  for (const tab of ModelInventoryTabs) {
    const link = page.getByRole('tab', { name: TAB_LABELS[tab] });
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/model-inventory/${tab}$`));
    await expect(link).toHaveAttribute('aria-selected', 'true');
  }

  // A reload must keep the session; it also gives the screenshot a page without hover or focus states.
  await page.goto('/');
  await expect(page).toHaveURL(/\/model-inventory\/models$/);
  await expect(page.getByRole('region', { name: 'Your model register' })).toBeVisible();
  await expect(page.getByTestId('organization-name')).toHaveText(account.organization_name);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ animations: 'disabled', path: SCREENSHOT });
});

test('a wrong password keeps the user on the sign-in page with an explanation', async ({ page, request }) => {
  const account = await registerOrganisation(request);

  await page.goto(`/${WebRoutes.login}`);
  await page.getByLabel('Email', { exact: true }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill('not-the-right-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByTestId('organization-name')).toHaveCount(0);
});
