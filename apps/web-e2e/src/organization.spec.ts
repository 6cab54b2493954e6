import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  CreateModelInventoryRequest,
  CreateUserRequest,
  LoginResponse,
  ModelInventoryResponse,
  ModelStatus,
  OrganizationSettingsResponse,
  RegisterResponse,
  Role,
  WebRoutes,
} from '@model-inventory/contracts';
import { storeSession } from './support/console';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';

interface Organisation {
  adminToken: string;
  editorEmail: string;
  name: string;
}

/** A new organisation (re-review off, as every new one starts) with an Admin and an Editor. */
async function registerOrganisation(request: APIRequestContext): Promise<Organisation> {
  const suffix = randomUUID().slice(0, 8);
  const name = `Acme Governance ${suffix}`;
  const registered = await request.post('/api/auth/register', {
    data: { email: `governance-lead-${suffix}@e2e.example.com`, name: 'Grace Hopper', organization_name: name, password: PASSWORD },
  });
  expect(registered.status()).toBe(201);
  const adminToken = ((await registered.json()) as RegisterResponse).access_token;
  const editor: CreateUserRequest = { email: `governance-editor-${suffix}@e2e.example.com`, name: 'Ada Lovelace', password: PASSWORD, role: Role.Editor };
  expect((await request.post('/api/users', { data: editor, headers: { Authorization: `Bearer ${adminToken}` } })).status()).toBe(201);
  return { adminToken, editorEmail: editor.email, name };
}

async function addApprovedModel(request: APIRequestContext, token: string): Promise<ModelInventoryResponse> {
  const model: CreateModelInventoryRequest = {
    approver: 'risk.officer@acme-corp.com',
    biases: 'Evaluated on English benchmarks only.',
    capabilities: ['text-generation'],
    hosting_provider: 'Azure (EU)',
    limitations: 'Context window limits long documents.',
    model: 'GPT-4o',
    provider: 'OpenAI',
    reference_link: 'https://example.com/model-card',
    status: ModelStatus.APPROVED,
    status_date: '2026-01-15',
    version: '2024-08-06',
  };
  const response = await request.post('/api/modelInventory', { data: model, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as ModelInventoryResponse;
}

/** Opens the console with a stored session, as a returning user would. */
async function signInWithToken(page: Page, token: string): Promise<void> {
  await storeSession(page, token);
}

async function loginToken(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as LoginResponse).access_token;
}

test('an Admin turns on re-review in Settings › Organisation; an Editor then changing an Approved model\'s version sends it back to Pending', async ({ page, request }) => {
  const organisation = await registerOrganisation(request);
  const model = await addApprovedModel(request, organisation.adminToken);
  await signInWithToken(page, organisation.adminToken);

  await page.goto(`/${WebRoutes.settings}`);
  await page.getByTestId('settings-tab-organization').click();
  await expect(page).toHaveURL(/\/settings\/organization$/);
  const suggestion = page.getByTestId('re-review-suggestion');
  await expect(suggestion).toContainText('Turn on re-review so an approval does not survive a material change.');
  await expect(page.getByTestId('organization-name-input')).toHaveValue(organisation.name);
  await page.screenshot({ fullPage: true, path: join(SCREENSHOTS, 'settings-organization-suggestion.png') });

  const reReview = page.getByRole('switch', { name: 'Re-review on material change' });
  await expect(reReview).not.toBeChecked();
  await expect(reReview).toHaveAccessibleDescription(/sends it back to Pending/);
  await reReview.click();
  const materialFields = page.getByTestId('material-fields');
  await expect(materialFields.getByRole('checkbox', { name: 'Version' })).toBeChecked();
  await expect(materialFields.getByRole('checkbox', { name: 'Approver e-mail' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Save governance rules' }).click();
  await expect(page.getByText('Governance rules saved.')).toBeVisible();
  await expect(suggestion).toHaveCount(0);
  await page.screenshot({ fullPage: true, path: join(SCREENSHOTS, 'settings-organization-governance.png') });

  const saved = await request.get('/api/organization/settings', { headers: { Authorization: `Bearer ${organisation.adminToken}` } });
  expect(((await saved.json()) as OrganizationSettingsResponse).review_on_material_change).toBe(true);

  const editorToken = await loginToken(request, organisation.editorEmail);
  const changed = await request.patch(`/api/modelInventory/${model.id}`, { data: { version: '2024-11-20' }, headers: { Authorization: `Bearer ${editorToken}` } });
  expect(changed.status(), await changed.text()).toBe(200);

  await page.goto(`/${WebRoutes.modelInventory}/models`);
  const row = page.getByTestId('model-row').filter({ hasText: 'GPT-4o' });
  await expect(row).toContainText('2024-11-20');
  await expect(row).toContainText('Pending');
  await page.screenshot({ path: join(SCREENSHOTS, 'models-pending-after-material-change.png') });

  // the suggestion stays away on later visits
  await page.goto(`/${WebRoutes.settings}/organization`);
  await expect(page.getByRole('switch', { name: 'Re-review on material change' })).toBeChecked();
  await expect(page.getByTestId('re-review-suggestion')).toHaveCount(0);
});

test('an Editor reads the organisation and its governance rules without controls to change them', async ({ page, request }) => {
  const organisation = await registerOrganisation(request);
  await signInWithToken(page, await loginToken(request, organisation.editorEmail));

  await page.goto(`/${WebRoutes.settings}/organization`);
  await expect(page.getByTestId('organization-name-read-only')).toHaveText(organisation.name);
  await expect(page.getByTestId('rule-review_on_material_change').getByTestId('rule-state')).toHaveText('Off');
  await expect(page.getByText('Only an Admin can change these rules.')).toBeVisible();
  await expect(page.getByRole('switch')).toHaveCount(0);
  await expect(page.getByTestId('re-review-suggestion')).toHaveCount(0);
  await page.screenshot({ fullPage: true, path: join(SCREENSHOTS, 'settings-organization-read-only.png') });
});

test('an Admin renames the organisation and the app bar follows at once', async ({ page, request }) => {
  const organisation = await registerOrganisation(request);
  await signInWithToken(page, organisation.adminToken);
  await page.goto(`/${WebRoutes.settings}/organization`);
  await expect(page.getByTestId('organization-name')).toHaveText(organisation.name);

  const name = page.getByTestId('organization-name-input');
  await name.fill('');
  await page.getByRole('button', { name: 'Rename organisation' }).click();
  await expect(page.getByText('Name is required.')).toBeVisible();

  const renamed = `${organisation.name} Research`;
  await name.fill(renamed);
  await page.getByRole('button', { name: 'Rename organisation' }).click();
  await expect(page.getByTestId('organization-name')).toHaveText(renamed);
  await expect(page.getByText(`The organisation is now called "${renamed}".`)).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'settings-organization-renamed.png') });

  await page.reload();
  await expect(page.getByTestId('organization-name')).toHaveText(renamed);
  await expect(page.getByTestId('organization-name-input')).toHaveValue(renamed);
});
