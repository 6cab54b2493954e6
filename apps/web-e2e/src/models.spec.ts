import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateModelInventoryRequest,
  CreateUserRequest,
  ModelStatus,
  RegisterRequest,
  RegisterResponse,
  Role,
  WebRoutes,
} from '@model-inventory/contracts';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';

interface Organisation {
  admin: RegisterRequest;
  editor: CreateUserRequest;
  token: string;
}

/** A fresh organisation with its admin (registered) and an Editor (added by the admin), through the API. */
async function registerOrganisation(request: APIRequestContext): Promise<Organisation> {
  const suffix = randomUUID().slice(0, 8);
  const admin: RegisterRequest = {
    email: `lead-${suffix}@e2e.example.com`,
    name: 'Grace Hopper',
    organization_name: `Acme Analytics ${suffix}`,
    password: PASSWORD,
  };
  const registered = await request.post('/api/auth/register', { data: admin });
  expect(registered.status()).toBe(201);
  const { access_token: token } = (await registered.json()) as RegisterResponse;

  const editor: CreateUserRequest = { email: `editor-${suffix}@e2e.example.com`, name: 'Ada Lovelace', password: PASSWORD, role: Role.Editor };
  const added = await request.post('/api/users', { data: editor, headers: { Authorization: `Bearer ${token}` } });
  expect(added.status()).toBe(201);
  return { admin, editor, token };
}

async function addModels(request: APIRequestContext, token: string, models: CreateModelInventoryRequest[]): Promise<void> {
  for (const model of models) {
    const response = await request.post('/api/modelInventory', { data: model, headers: { Authorization: `Bearer ${token}` } });
    expect(response.status(), await response.text()).toBe(201);
  }
}

function aModel(provider: string, model: string, version: string, status: ModelStatus, extra: Partial<CreateModelInventoryRequest> = {}): CreateModelInventoryRequest {
  return {
    approver: 'risk.officer@acme-corp.com',
    biases: 'Evaluated on English benchmarks only.',
    capabilities: ['text-generation'],
    hosting_provider: 'Azure (EU)',
    limitations: 'Context window limits long documents.',
    model,
    provider,
    reference_link: 'https://example.com/model-card',
    security_assessment: status === ModelStatus.APPROVED,
    status,
    status_date: '2026-01-15',
    version,
    ...extra,
  };
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`/${WebRoutes.login}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/model-inventory\/models$/);
}

const rows = (page: Page) => page.getByTestId('model-row');
const totalCount = (page: Page) => page.getByTestId('summary-total').getByTestId('summary-count');
const dialog = (page: Page) => page.getByRole('dialog');

async function settleForScreenshot(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await page.waitForTimeout(300);
}

test('an admin registers, edits, filters and exports models; an editor cannot approve', async ({ browser, page, request }) => {
  test.setTimeout(120_000);
  const { admin, editor, token } = await registerOrganisation(request);
  await page.setViewportSize({ height: 900, width: 1440 });
  await signIn(page, admin.email);

  // An empty register explains itself.
  await expect(page.getByRole('region', { name: 'Your model register' })).toBeVisible();
  await expect(totalCount(page)).toHaveText('0');

  // Register a model through the routable dialog.
  await page.getByTestId('new-model').click();
  await expect(page).toHaveURL(/\/model-inventory\/models\/new$/);
  const form = dialog(page);
  await expect(form.getByRole('heading', { name: 'Register a model' })).toBeVisible();
  const save = form.getByTestId('save-model');
  // The dialog is ready for typing once it has finished opening and focused its first field.
  await expect(form.getByLabel('Provider', { exact: true })).toBeFocused();
  // Save on an empty form names every missing field at once, with the field's own label.
  await save.click();
  await expect(form.getByText('Provider is required.')).toBeVisible();
  await expect(form.getByText('Approver e-mail is required.')).toBeVisible();
  await expect(form.getByText(/highlighted fields before saving/)).toBeVisible();
  await form.getByLabel('Provider', { exact: true }).fill('OpenAI');
  await form.getByLabel('Model', { exact: true }).fill('GPT-4o');
  await form.getByLabel('Version', { exact: true }).fill('2024-08-06');
  await form.getByLabel('Hosting provider', { exact: true }).fill('Azure (EU)');
  await form.getByLabel('Reference link', { exact: true }).fill('https://platform.openai.com/docs/models');
  for (const capability of ['text-generation', 'vision']) {
    await form.getByTestId('capability-input').fill(capability);
    await form.getByTestId('capability-input').press('Enter');
    await expect(form.getByRole('row', { name: capability })).toBeVisible();
  }
  await form.getByLabel('Approver e-mail', { exact: true }).fill('governance@acme-corp.com');
  await form.getByLabel('Known biases', { exact: true }).fill('Western-centric training data; uneven quality across languages.');
  await form.getByLabel('Limitations', { exact: true }).fill('Hallucinates on niche facts; 128k context window.');
  await expect(save).toBeEnabled();
  await save.click();

  await expect(dialog(page)).toHaveCount(0);
  await expect(page).toHaveURL(/\/model-inventory\/models$/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('GPT-4o');
  await expect(rows(page).first()).toContainText('Pending');
  await expect(totalCount(page)).toHaveText('1');

  // Edit it, then find the change in its Activity.
  await rows(page).first().click();
  await expect(page).toHaveURL(/\/model-inventory\/models\/\d+$/);
  await expect(dialog(page).getByLabel('Version', { exact: true })).toHaveValue('2024-08-06');
  await dialog(page).getByLabel('Version', { exact: true }).fill('2024-11-20');
  await dialog(page).getByTestId('status-select').click();
  await page.getByRole('option', { name: /^Approved/ }).click();
  await dialog(page).getByTestId('save-model').click();
  await expect(dialog(page)).toHaveCount(0);
  await expect(rows(page).first()).toContainText('2024-11-20');
  await expect(rows(page).first()).toContainText('Approved');

  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  await rows(page).first().click();
  await dialog(page).getByRole('tab', { name: 'Activity' }).click();
  const latest = dialog(page).getByTestId('activity-event').first();
  await expect(latest).toContainText('Grace Hopper changed 2 fields');
  await expect(latest.getByTestId('activity-change').filter({ hasText: 'Version' })).toContainText(/2024-08-06\s*→\s*2024-11-20/);
  await expect(latest.getByTestId('activity-change').filter({ hasText: 'Status' })).toContainText(/Pending\s*→\s*Approved/);
  await expect(dialog(page).getByTestId('activity-event').last()).toContainText('Grace Hopper registered this model');
  await dialog(page).getByRole('tab', { name: 'Details' }).click();
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'model-dialog.png') });
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog(page)).toHaveCount(0);

  // A fuller register for filtering, exporting and the screenshots.
  await addModels(request, token, [
    aModel('Anthropic', 'Claude 3.5 Sonnet', '20241022', ModelStatus.APPROVED, { capabilities: ['text-generation', 'code'], status_date: '2026-10-02' }),
    aModel('Meta', 'Llama 3.1 70B', '3.1', ModelStatus.RESTRICTED, { approver: 'ml-platform@acme-corp.com', hosting_provider: 'On-premises', status_date: '2026-09-18' }),
    aModel('Mistral AI', 'Mistral Large', '2407', ModelStatus.PENDING, { approver: 'governance@acme-corp.com', status_date: '2026-11-21' }),
    aModel('In-house', 'credit-risk-xgb', '4.2.0', ModelStatus.APPROVED, { capabilities: ['classification', 'scoring'], status_date: '2026-06-30' }),
    aModel('Google', 'Gemini 1.5 Pro', '002', ModelStatus.BLOCKED, { approver: 'ciso@acme-corp.com', security_assessment: false, status_date: '2026-08-12' }),
    aModel('Cohere', 'Command R+', '08-2024', ModelStatus.PENDING, { approver: 'governance@acme-corp.com', status_date: '2026-11-27' }),
    aModel('In-house', 'churn-predictor', '1.3.2', ModelStatus.RESTRICTED, { approver: 'ml-platform@acme-corp.com', capabilities: ['classification'], status_date: '2026-07-04' }),
  ]);
  await page.reload();
  await expect(totalCount(page)).toHaveText('8');
  await expect(rows(page)).toHaveCount(8);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'models-tab.png') });

  // Filter by a status from its summary card; Total shows everything again.
  await page.getByTestId('summary-approved').click();
  await expect(page).toHaveURL(/status=Approved/);
  await expect(page.getByTestId('summary-approved')).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) {
    await expect(row).toContainText('Approved');
  }
  await page.getByTestId('summary-total').click();
  await expect(rows(page)).toHaveCount(8);

  // Search, debounced, kept in the link.
  await page.getByTestId('search').fill('llama');
  await expect(page).toHaveURL(/search=llama/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('Llama 3.1 70B');
  await page.getByTestId('search').fill('');
  await expect(rows(page)).toHaveCount(8);

  // Export the filtered register as CSV.
  await page.getByTestId('summary-restricted').click();
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^model-inventory-.*\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('Provider,Model,Version');
  expect(lines).toHaveLength(3);
  expect(csv).toContain('Llama 3.1 70B');
  expect(csv).toContain('churn-predictor');
  expect(csv).not.toContain('GPT-4o');
  await page.getByTestId('export').click();
  const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-pdf').click()]);
  expect(pdf.suggestedFilename()).toMatch(/^model-inventory-.*\.pdf$/);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // Analytics drawer with both charts.
  await page.getByTestId('summary-total').click();
  await page.getByTestId('analytics').click();
  const analytics = page.getByRole('region', { name: 'Models by status' });
  await expect(analytics.locator('canvas')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Security assessments' }).locator('canvas')).toBeVisible();
  await page.getByRole('radio', { name: '90 days' }).click();
  await expect(page.getByRole('radio', { name: '90 days' })).toHaveAttribute('aria-checked', 'true');
  await page.getByRole('radio', { name: '7 days' }).click();
  await expect(page.getByRole('radio', { name: '7 days' })).toHaveAttribute('aria-checked', 'true');
  await settleForScreenshot(page);
  await page.waitForTimeout(500);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'analytics.png') });
  await page.getByRole('button', { name: 'Close analytics' }).click();

  // The Editor may register and edit, but not approve, restrict or block.
  const editorContext = await browser.newContext();
  const editorPage = await editorContext.newPage();
  await signIn(editorPage, editor.email);
  await editorPage.getByTestId('new-model').click();
  await dialog(editorPage).getByTestId('status-select').click();
  await expect(editorPage.getByRole('option', { name: /^Approved/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(editorPage.getByRole('option', { name: /^Blocked/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(editorPage.getByRole('option', { name: /^Pending/ })).toHaveAttribute('aria-disabled', 'false');
  await editorPage.keyboard.press('Escape');
  await expect(dialog(editorPage).getByTestId('status-hint')).toHaveText('Only Admins and Reviewers can approve, restrict or block a model.');
  await editorContext.close();
});
