import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CreateModelRiskRequest,
  ModelInventoryResponse,
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskStatus,
  RiskRating,
  WebRoutes,
} from '@model-inventory/contracts';
import { addModel, cutCardCells, registerOrganisation, SCREENSHOTS, settleForScreenshot, signIn } from './support/console';


/** `YYYY-MM-DD`, `days` from today (UTC, as the server decides what is overdue). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function addRisk(request: APIRequestContext, token: string, risk: CreateModelRiskRequest): Promise<void> {
  const response = await request.post('/api/modelRisks', { data: risk, headers: { Authorization: `Bearer ${token}` } });
  expect(response.status(), await response.text()).toBe(201);
}

const rows = (page: Page) => page.getByTestId('risk-row');
const row = (page: Page, name: string) => rows(page).filter({ hasText: name });
const count = (page: Page, card: string) => page.getByTestId(`summary-${card}`).getByTestId('summary-count');
const dialog = (page: Page) => page.getByRole('dialog').last();

test('risks: raise one, move it through the workflow, delete and restore it, and filter by the matrix', async ({ page, request }) => {
  test.setTimeout(180_000);
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'risk-lead' });
  const gpt = await addModel(request, token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  const claude = await addModel(request, token, { model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' });
  const llama = await addModel(request, token, { model: 'Llama 3.1 70B', provider: 'Meta', version: '3.1' });
  const scoring = await addModel(request, token, { model: 'credit-risk-xgb', provider: 'In-house', version: '4.2.0' });
  const risk = (
    model: ModelInventoryResponse,
    risk_name: string,
    risk_category: ModelRiskCategory,
    risk_level: ModelRiskLevel,
    extra: Partial<CreateModelRiskRequest> = {},
  ): CreateModelRiskRequest => ({ model_id: model.id, owner: 'risk.officer@acme-corp.com', risk_category, risk_level, risk_name, target_date: day(90), ...extra });
  for (const body of [
    risk(gpt, 'Prompt injection through pasted tickets', ModelRiskCategory.SECURITY, ModelRiskLevel.CRITICAL, {
      impact: RiskRating.VERY_HIGH,
      likelihood: RiskRating.HIGH,
      status: ModelRiskStatus.IN_PROGRESS,
    }),
    risk(gpt, 'Accuracy drops on non-English tickets', ModelRiskCategory.PERFORMANCE, ModelRiskLevel.HIGH, {
      impact: RiskRating.HIGH,
      likelihood: RiskRating.MEDIUM,
      owner: 'ml-platform@acme-corp.com',
      target_date: day(-20),
    }),
    risk(scoring, 'Lower approval rates for younger applicants', ModelRiskCategory.BIAS, ModelRiskLevel.HIGH, {
      impact: RiskRating.HIGH,
      likelihood: RiskRating.MEDIUM,
    }),
    risk(llama, 'Training data older than twelve months', ModelRiskCategory.DATA_QUALITY, ModelRiskLevel.MEDIUM, {
      impact: RiskRating.MEDIUM,
      likelihood: RiskRating.LOW,
      status: ModelRiskStatus.RESOLVED,
    }),
    risk(scoring, 'No DPIA on record for EU applicants', ModelRiskCategory.COMPLIANCE, ModelRiskLevel.CRITICAL, {
      impact: RiskRating.VERY_HIGH,
      likelihood: RiskRating.MEDIUM,
      owner: 'dpo@acme-corp.com',
      target_date: day(-5),
    }),
    risk(claude, 'Verbose answers raise token costs', ModelRiskCategory.PERFORMANCE, ModelRiskLevel.LOW, {
      impact: RiskRating.LOW,
      likelihood: RiskRating.HIGH,
    }),
    risk(claude, 'Jailbreak prompts bypass the content filter', ModelRiskCategory.SECURITY, ModelRiskLevel.HIGH),
    risk(llama, 'Model card out of date', ModelRiskCategory.COMPLIANCE, ModelRiskLevel.LOW, { target_date: day(30) }),
  ]) {
    await addRisk(request, token, body);
  }

  await page.setViewportSize({ height: 900, width: 1440 });
  await signIn(page, admin.email);
  await page.getByRole('tab', { name: 'Risks' }).click();
  await expect(page).toHaveURL(/\/model-inventory\/risks$/);
  await expect(rows(page)).toHaveCount(8);
  await expect(count(page, 'total')).toHaveText('8');
  await expect(count(page, 'critical')).toHaveText('2');
  await expect(count(page, 'overdue')).toHaveText('2');
  await expect(row(page, 'Accuracy drops on non-English tickets').getByTestId('overdue')).toBeVisible();
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'risks-tab.png') });

  // Raise a risk through the routable dialog.
  await page.getByTestId('new-risk').click();
  await expect(page).toHaveURL(/\/model-inventory\/risks\/new$/);
  const form = dialog(page);
  await expect(form.getByRole('heading', { name: 'Raise a risk' })).toBeVisible();
  await expect(form.getByLabel('Risk', { exact: true })).toBeFocused();
  await form.getByLabel('Risk', { exact: true }).fill('Hallucinated refund amounts');
  await form.getByTestId('risk-model').fill('Claude');
  await page.getByRole('option', { name: /Claude 3\.5 Sonnet/ }).click();
  await expect(form.getByTestId('risk-model')).toHaveValue('Claude 3.5 Sonnet 20241022 · Anthropic');
  await form.getByTestId('risk-category').click();
  await page.getByRole('option', { name: 'Performance' }).click();
  await form.getByTestId('risk-level').click();
  await page.getByRole('option', { name: /High/ }).click();
  await expect(form.getByLabel('Owner', { exact: true })).toHaveValue(admin.email);
  await form.getByLabel('Target date', { exact: true }).fill('6/30/2027');
  await form.getByTestId('risk-impact').click();
  await page.getByRole('option', { name: 'Medium', exact: true }).click();
  await form.getByTestId('risk-likelihood').click();
  await page.getByRole('option', { name: 'Medium', exact: true }).click();
  await expect(form.getByTestId('matrix-severity')).toHaveText('On the matrix: Medium severity');
  await form.getByLabel('Mitigation plan', { exact: true }).fill('Ground refund answers in the policy database; a human approves every amount.');
  await form.getByTestId('save-risk').click();

  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/model-inventory\/risks$/);
  await expect(rows(page)).toHaveCount(9);
  await expect(count(page, 'total')).toHaveText('9');
  const raised = row(page, 'Hallucinated refund amounts');
  await expect(raised).toContainText('Claude 3.5 Sonnet');
  await expect(raised).toContainText('Open');

  // A transition: an Open risk offers only "Start mitigation"; the refused moves are not offered at all.
  await raised.click();
  await expect(page).toHaveURL(/\/model-inventory\/risks\/\d+$/);
  const details = dialog(page);
  await expect(details.getByTestId('workflow')).toContainText('Open');
  await expect(details.getByTestId('transition-in-progress')).toBeVisible();
  for (const refused of ['resolved', 'accepted', 'open']) {
    await expect(details.getByTestId(`transition-${refused}`)).toHaveCount(0);
  }
  await details.getByTestId('transition-in-progress').click();
  await expect(details.getByTestId('workflow')).toContainText('In Progress');
  await expect(details.getByTestId('transition-resolved')).toBeVisible();
  await expect(details.getByTestId('transition-accepted')).toBeVisible();
  await expect(details.getByTestId('transition-in-progress')).toHaveCount(0);
  await expect(details.getByTestId('transition-open')).toHaveCount(0);
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'risk-dialog.png') });

  await details.getByRole('tab', { name: 'Activity' }).click();
  await expect(details.getByTestId('activity-event').first()).toContainText('Grace Hopper changed status');
  await expect(details.getByTestId('activity-change').first()).toContainText(/Open\s*→\s*In Progress/);
  await expect(details.getByTestId('activity-event').last()).toContainText('Grace Hopper raised this risk');
  await details.getByRole('tab', { name: 'Details' }).click();

  // Delete it (confirmed), find it under Deleted, restore it.
  await details.getByTestId('delete-risk').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete risk' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(row(page, 'Hallucinated refund amounts')).toHaveCount(0);
  await expect(count(page, 'total')).toHaveText('8');

  await page.getByTestId('risk-filter').getByRole('radio', { name: 'Deleted' }).click();
  await expect(page).toHaveURL(/filter=deleted/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByTestId('deleted-badge')).toBeVisible();
  await rows(page).first().click();
  await expect(dialog(page).getByTestId('deleted-banner')).toBeVisible();
  await expect(dialog(page).getByTestId('transition-resolved')).toHaveCount(0);
  await dialog(page).getByTestId('restore-risk').click();
  await expect(dialog(page).getByTestId('deleted-banner')).toHaveCount(0);
  await expect(dialog(page).getByTestId('transition-resolved')).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(rows(page)).toHaveCount(0);
  await page.getByTestId('risk-filter').getByRole('radio', { name: 'Active' }).click();
  await expect(row(page, 'Hallucinated refund amounts')).toContainText('In Progress');
  await expect(count(page, 'total')).toHaveText('9');

  // The matrix: a cell's count filters the table by its impact and likelihood.
  await page.getByTestId('toggle-matrix').click();
  await expect(page).toHaveURL(/matrix=true/);
  const matrix = page.getByTestId('risk-matrix');
  const cell = matrix.locator('[data-impact="High"][data-likelihood="Medium"]');
  await expect(cell).toHaveText('2');
  await expect(matrix.getByTestId('matrix-unrated')).toContainText('2 risks have no impact or likelihood');
  await cell.click();
  await expect(page).toHaveURL(/impact=High&likelihood=Medium/);
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(rows(page)).toHaveCount(2);
  await expect(row(page, 'Accuracy drops on non-English tickets')).toHaveCount(1);
  await expect(row(page, 'Lower approval rates for younger applicants')).toHaveCount(1);
  await expect(page.getByTestId('cell-filter')).toContainText('Impact High · likelihood Medium');
  await expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });
  // The matrix with the table it filters below it.
  await page.getByTestId('toggle-matrix').evaluate((button) => button.scrollIntoView({ block: 'start' }));
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'risk-matrix.png') });

  // The export takes the same view.
  await page.getByTestId('export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = (await readFile(await download.path())).toString('utf8');
  expect(csv).toContain('Accuracy drops on non-English tickets');
  expect(csv).toContain('Lower approval rates for younger applicants');
  expect(csv).not.toContain('Prompt injection');
  await page.getByTestId('clear-cell').click();
  await expect(rows(page)).toHaveCount(9);

  // The Models tab counts each model's open risks and links them to this tab.
  await page.getByRole('tab', { name: 'Models' }).click();
  const scoringRow = page.getByTestId('model-row').filter({ hasText: 'credit-risk-xgb' });
  await expect(scoringRow.getByTestId('open-risks')).toHaveText('2');

  // The model dialog lists the model's risks and raises new ones against it.
  await scoringRow.getByTestId('model-name').click();
  await dialog(page).getByRole('tab', { name: 'Risks' }).click();
  await expect(dialog(page).getByTestId('risk-row')).toHaveCount(2);
  await expect(dialog(page).getByTestId('model-risks-summary')).toContainText('2 risks, 2 open or in progress.');
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'model-risks-tab.png') });
  await dialog(page).getByTestId('add-risk').click();
  await expect(page.getByRole('dialog')).toHaveCount(2);
  await expect(dialog(page).getByRole('heading', { name: 'Raise a risk' })).toBeVisible();
  await expect(dialog(page).getByTestId('risk-model')).toHaveValue('credit-risk-xgb 4.2.0 · In-house');
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await scoringRow.getByTestId('open-risks').click();
  await expect(page).toHaveURL(new RegExp(`/model-inventory/risks\\?model_id=${scoring.id}&status=Open`));
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('filter-model')).toHaveValue('credit-risk-xgb 4.2.0 · In-house');
});

test('on a phone each risk is a card that fits the screen, every value in view', async ({ page, request }) => {
  await page.setViewportSize({ height: 844, width: 390 });
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'risk-phone' });
  const gpt = await addModel(request, token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  await addRisk(request, token, {
    model_id: gpt.id,
    owner: 'ml-platform-oncall@acme-corp.com',
    risk_category: ModelRiskCategory.PERFORMANCE,
    risk_level: ModelRiskLevel.HIGH,
    risk_name: 'Accuracy drops on non-English support tickets',
    target_date: day(-20),
  });
  await signIn(page, admin.email);
  await page.goto(`/${WebRoutes.modelInventory}/risks`);
  const card = row(page, 'Accuracy drops');
  await expect(card.locator('td[data-label="Owner"]')).toContainText('ml-platform-oncall@acme-corp.com');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'risks-phone.png') });
  // The whole card is on screen (the full desktop table's 1000 px minimum once pushed its values off to the right).
  const box = await card.boundingBox();
  expect(box && box.x + box.width).toBeLessThanOrEqual(390);
  expect(await cutCardCells(card)).toEqual([]);
  // The name is what the card is about: whole, not shortened with an ellipsis.
  const name = card.getByTestId('risk-name');
  expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
});

test('triage: tick several risks and move them together, offered only the moves every one of them allows', async ({ page, request }) => {
  await page.setViewportSize({ height: 900, width: 1440 });
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'risk-triage' });
  const gpt = await addModel(request, token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  const risk = (risk_name: string, status = ModelRiskStatus.OPEN): CreateModelRiskRequest => ({
    model_id: gpt.id,
    owner: 'risk.officer@acme-corp.com',
    risk_category: ModelRiskCategory.SECURITY,
    risk_level: ModelRiskLevel.HIGH,
    risk_name,
    status,
    target_date: day(60),
  });
  const imported = await request.post('/api/modelRisks/batch', {
    data: {
      items: [
        risk('Prompt injection via pasted tickets'),
        risk('PII echoed back in answers'),
        risk('Jailbreak bypasses the content filter'),
        risk('Model card out of date', ModelRiskStatus.RESOLVED),
      ],
    },
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(imported.status(), await imported.text()).toBe(201);

  await signIn(page, admin.email);
  await page.goto(`/${WebRoutes.modelInventory}/risks?sort=risk_name:asc`);
  await expect(rows(page)).toHaveCount(4);
  const tick = (name: string) => row(page, name).getByTestId('select-risk').locator('input');
  for (const name of ['Prompt injection', 'PII echoed', 'Jailbreak bypasses']) await tick(name).check();
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await page.getByTestId('bulk-status').click();
  await expect(page.getByTestId('bulk-status-option')).toHaveText([/Move to In Progress/]);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'risks-bulk-status.png') });
  await page.getByTestId('bulk-status-option').click();

  await expect(page.getByText('3 risks moved to In Progress.')).toBeVisible();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
  for (const name of ['Prompt injection', 'PII echoed', 'Jailbreak bypasses']) {
    await expect(row(page, name).locator('td[data-label="Status"]')).toHaveText('In Progress');
  }
  await expect(row(page, 'Model card out of date').locator('td[data-label="Status"]')).toHaveText('Resolved');
  const stored = await request.get('/api/modelRisks?status=In%20Progress', { headers: { Authorization: `Bearer ${token}` } });
  expect((await stored.json()).total).toBe(3);

  // An In Progress risk and a Resolved one have no next status in common: nothing is offered.
  await tick('Prompt injection').check();
  await tick('Model card out of date').check();
  await expect(page.getByTestId('selected-count')).toHaveText('2 selected');
  await expect(page.getByTestId('bulk-status')).toBeDisabled();
  await page.getByTestId('clear-selection').click();
  await expect(page.getByTestId('bulk-bar')).toHaveCount(0);
});

test('import: raise risks from a CSV file, all or none, with a refusal shown by the file’s line', async ({ page, request }) => {
  await page.setViewportSize({ height: 900, width: 1440 });
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'risk-import' });
  const gpt = await addModel(request, token, { model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  const csv = (level: string) =>
    Buffer.from(
      [
        'Risk,Level,Category,Status,Owner,Target date,Description',
        `Prompt injection via pasted tickets,Critical,Security,In Progress,sec@acme-corp.com,${day(30)},"Tickets quote ""ignore previous instructions"", verbatim"`,
        `PII echoed back in answers,High,Compliance,,dpo@acme-corp.com,${day(60)},`,
        `Accuracy drops on non-English tickets,${level},Performance,Open,ml-platform@acme-corp.com,${day(-10)},`,
      ].join('\r\n'),
    );

  await signIn(page, admin.email);
  await page.goto(`/${WebRoutes.modelInventory}/risks?model_id=${gpt.id}`);
  await page.getByTestId('import-risks').click();
  const importer = dialog(page);
  await expect(importer).toContainText('Lines without a model_id are raised for the model the list is filtered by.');
  await importer.getByTestId('import-file-input').setInputFiles({ buffer: csv('Urgent'), mimeType: 'text/csv', name: 'risk-register.csv' });
  await expect(importer.getByTestId('import-summary')).toHaveText(/risk-register\.csv: 3 risks/);
  await expect(importer.getByTestId('import-preview').locator('tbody tr')).toHaveCount(3);
  await importer.getByTestId('import-submit').click();
  await expect(importer.getByTestId('import-error')).toHaveText([/Line 4, risk_level: .*Low, Medium, High, Critical/]);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'risks-import-refused.png') });
  const nothing = await request.get('/api/modelRisks?filter=all', { headers: { Authorization: `Bearer ${token}` } });
  expect((await nothing.json()).total).toBe(0);

  await importer.getByTestId('import-file-input').setInputFiles({ buffer: csv('High'), mimeType: 'text/csv', name: 'risk-register.csv' });
  await expect(importer.getByTestId('import-refusal')).toHaveCount(0);
  await importer.getByTestId('import-submit').click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('3 risks imported.')).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  await expect(row(page, 'Prompt injection via pasted tickets').locator('td[data-label="Status"]')).toHaveText('In Progress');
  await expect(row(page, 'Accuracy drops on non-English tickets').getByTestId('overdue')).toBeVisible();
  const stored = await request.get(`/api/modelRisks?model_id=${gpt.id}&search=Prompt`, { headers: { Authorization: `Bearer ${token}` } });
  expect((await stored.json()).items[0].description).toBe('Tickets quote "ignore previous instructions", verbatim');
});
