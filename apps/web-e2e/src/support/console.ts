import { APIRequestContext, BrowserContext, expect, Locator, Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CreateModelInventoryRequest, ModelInventoryResponse, RegisterRequest, RegisterResponse, WebRoutes } from '@model-inventory/contracts';

export const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');
export const PASSWORD = 'correct-horse-battery-staple';

export interface RegisteredOrganisation {
  admin: RegisterRequest;
  token: string;
}

/**
 * A new organisation and its first Admin, registered through the API. The e-mail (`<emailPrefix>-<random>@…`) and the
 * organisation's name get the same random suffix, so every test has an organisation of its own.
 */
export async function registerOrganisation(
  request: APIRequestContext,
  { adminName = 'Grace Hopper', emailPrefix, organisationName = 'Acme Analytics' }: { adminName?: string; emailPrefix: string; organisationName?: string },
): Promise<RegisteredOrganisation> {
  const suffix = randomUUID().slice(0, 8);
  const admin: RegisterRequest = {
    email: `${emailPrefix}-${suffix}@e2e.example.com`,
    name: adminName,
    organization_name: `${organisationName} ${suffix}`,
    password: PASSWORD,
  };
  const registered = await request.post('/api/auth/register', { data: admin });
  expect(registered.status()).toBe(201);
  return { admin, token: ((await registered.json()) as RegisterResponse).access_token };
}

/** Registers a model with a complete model card; `extra` sets its status or anything else a test cares about. */
export async function addModel(
  request: APIRequestContext,
  token: string,
  { extra = {}, model, provider, version }: { provider: string; model: string; version: string; extra?: Partial<CreateModelInventoryRequest> },
): Promise<ModelInventoryResponse> {
  const body: CreateModelInventoryRequest = {
    approver: 'risk.officer@acme-corp.com',
    biases: 'Evaluated on English benchmarks only.',
    capabilities: ['text-generation'],
    hosting_provider: 'Azure (EU)',
    limitations: 'Context window limits long documents.',
    model,
    provider,
    reference_link: 'https://example.com/model-card',
    status_date: '2026-01-15',
    version,
    ...extra,
  };
  const response = await request.post('/api/modelInventory', { data: body, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ModelInventoryResponse;
}

/** Opens the console with a stored session, as a returning user would; `target` is one page or a whole browser context. */
export async function storeSession(target: Page | BrowserContext, token: string, expiresInSeconds = 3_600): Promise<void> {
  await target.addInitScript(
    ([accessToken, expiresAt]) => localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken, expiresAt })),
    [token, Date.now() + expiresInSeconds * 1000] as const,
  );
}

/** The labels of a phone card's cells whose value is cut at the cell's edge instead of shown whole. */
export function cutCardCells(card: Locator): Promise<(string | null)[]> {
  return card
    .locator('td[data-label]')
    .evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.getAttribute('data-label')));
}

/** Signs in through the login form and waits for the console's first tab. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`/${WebRoutes.login}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/model-inventory\/models$/, { timeout: 30_000 });
}

/** Fonts loaded, no hover, every transition and (finite) animation finished. */
export async function settleForScreenshot(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
  });
}
