import { expect, Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ModelStatus, WebRoutes } from '@model-inventory/contracts';
import { addModel, registerOrganisation, SCREENSHOTS, settleForScreenshot, signIn } from './support/console';


/** A small but valid PDF (one page of text, a correct xref table), padded with a content stream to `padding` bytes. */
function aPdf(title: string, padding: number): Buffer {
  const text = `BT /F1 18 Tf 72 720 Td (${title}) Tj ET\n% ${'x'.repeat(Math.max(0, padding))}\n`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}endstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, index) => {
    const offset = Buffer.byteLength(pdf, 'latin1');
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** What a renamed Windows executable starts with (MZ … PE). */
function anExecutable(): Buffer {
  const bytes = Buffer.alloc(512, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** `M/D/YYYY`, as the date field reads it, `days` from today. */
function dayFromToday(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return `${date.getMonth() + 1}/${date.getDate()}/${date.getFullYear()}`;
}

/** Drops a file on an element as a user dragging it from the desktop would. */
async function dropFile(page: Page, testId: string, name: string, bytes: Buffer): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([data], fileName, { type: 'application/pdf' }));
      return dataTransfer;
    },
    { base64: bytes.toString('base64'), fileName: name },
  );
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

const dialog = (page: Page) => page.getByRole('dialog').last();

test('evidence: upload with progress, a refused executable, download the same bytes, the hub with filters and groups, remove', async ({ page, request }) => {
  test.setTimeout(180_000);
  const { admin, token } = await registerOrganisation(request, { emailPrefix: 'evidence-lead', adminName: 'Ada Lovelace', organisationName: 'Acme Assurance' });
  const model = await addModel(request, token, { extra: { status: ModelStatus.PENDING }, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' });
  const other = await addModel(request, token, { extra: { status: ModelStatus.PENDING }, model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '20241022' });
  const modelCard = await request.post(`/api/modelInventory/${other.id}/evidence`, {
    headers: { Authorization: `Bearer ${token}` },
    multipart: { evidence_type: 'Model Card', file: { buffer: Buffer.from('# Model card\n\nEvaluated on English benchmarks.\n'), mimeType: 'text/markdown', name: 'claude-model-card.md' } },
  });
  expect(modelCard.status(), await modelCard.text()).toBe(201);

  await page.setViewportSize({ height: 900, width: 1440 });
  await signIn(page, admin.email);
  await page.goto(`/${WebRoutes.modelInventory}/models/${model.id}`);
  await dialog(page).getByRole('tab', { name: 'Evidence' }).click();
  const panel = dialog(page).locator('mi-model-evidence');
  await expect(panel.getByTestId('model-evidence-summary')).toHaveText('No evidence attached to this model yet.');

  // Upload a PDF over a slowed-down connection, so the progress bar is seen moving.
  await panel.getByTestId('evidence-type').click();
  await page.getByRole('option', { name: 'Security Assessment Report' }).click();
  await panel.getByTestId('evidence-expiry').fill(dayFromToday(10));
  await panel.getByTestId('evidence-description').fill('Penetration test by an external firm');
  const pdf = aPdf('Security assessment of GPT-4o', 1_200_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { downloadThroughput: -1, latency: 0, offline: false, uploadThroughput: 200 * 1024 });
  await panel.getByTestId('evidence-file-input').setInputFiles({ buffer: pdf, mimeType: 'application/pdf', name: 'security-assessment.pdf' });
  const item = panel.getByTestId('upload-item').filter({ hasText: 'security-assessment.pdf' });
  await expect(item.getByTestId('upload-progress')).toBeVisible();
  await expect(item.getByTestId('upload-bytes')).toHaveText(/\b([1-9]|[1-9]\d)% · [\d.]+ (KB|MB) of 1\.1 MB/, { timeout: 20_000 });
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'evidence-upload-progress.png') });
  await expect(item.getByTestId('upload-bytes')).toHaveText(/Uploaded · 1\.1 MB/, { timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', { downloadThroughput: -1, latency: 0, offline: false, uploadThroughput: -1 });
  const row = panel.getByTestId('evidence-row').filter({ hasText: 'security-assessment.pdf' });
  await expect(row).toContainText('Security Assessment Report');
  await expect(row).toContainText('Ada Lovelace');
  await expect(row.getByTestId('expiry-chip')).toHaveText('Expiring');

  // A renamed executable, dropped on the zone, is refused with what the server found it to be.
  await dropFile(page, 'evidence-drop-zone', 'report.pdf', anExecutable());
  const refused = panel.getByTestId('upload-item').filter({ hasText: 'report.pdf' });
  await expect(refused.getByTestId('upload-error')).toContainText('application/x-msdownload (.exe)');
  await expect(panel.getByTestId('evidence-row')).toHaveCount(1);
  await refused.scrollIntoViewIfNeeded();
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'evidence-model-tab.png') });

  // The download is the bytes uploaded, under the stored name.
  const [download] = await Promise.all([page.waitForEvent('download'), row.getByTestId('download-evidence').click()]);
  expect(download.suggestedFilename()).toBe('security-assessment.pdf');
  const downloaded = await readFile(await download.path());
  expect(downloaded.equals(pdf)).toBe(true);

  // The hub lists both models' files; the filters narrow them and stay in the URL.
  await dialog(page).getByRole('button', { name: 'Close' }).first().click();
  // Closing the routable dialog navigates back to the list: a tab clicked before that navigation ends is undone by it.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/\/model-inventory\/models$/);
  await page.getByRole('tab', { name: 'Evidence' }).click();
  await expect(page).toHaveURL(/\/model-inventory\/evidence$/);
  const hubRows = page.getByTestId('evidence-row');
  await expect(hubRows).toHaveCount(2);
  await page.getByTestId('filter-expiry').click();
  await page.getByRole('option', { name: 'Expiring within 30 days' }).click();
  await expect(page).toHaveURL(/expiring_within_days=30/);
  await expect(hubRows).toHaveCount(1);
  await expect(hubRows.first()).toContainText('security-assessment.pdf');
  await expect(hubRows.first().getByTestId('evidence-model')).toHaveText(/GPT-4o\s+2024-08-06/);
  await page.getByTestId('clear-evidence-filters').click();
  await page.getByTestId('filter-type').click();
  await page.getByRole('option', { name: 'Model Card' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/evidence_type=Model%20Card/);
  await expect(hubRows).toHaveCount(1);
  await expect(hubRows.first()).toContainText('claude-model-card.md');
  await page.getByTestId('clear-evidence-filters').click();
  await expect(hubRows).toHaveCount(2);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'evidence-hub.png') });

  // Grouped by type: the list is sorted by type, each group headed by its name and count; the URL keeps both.
  await page.getByTestId('evidence-group-by').click();
  await page.getByRole('option', { name: 'Type', exact: true }).click();
  await expect(page).toHaveURL(/sort=evidence_type:asc&group=type/);
  const groups = page.getByTestId('evidence-group');
  await expect(groups).toHaveText([/Model Card\s*1 file on this page/, /Security Assessment Report\s*1 file on this page/]);
  await expect(page.getByTestId('group-hint')).toHaveText(/Sorted by type; counts are of this page/);
  await expect(hubRows).toHaveCount(2);
  await page.reload();
  await expect(groups).toHaveCount(2);
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'evidence-hub-grouped.png') });

  // On a phone the files are cards under their group headers.
  await page.setViewportSize({ height: 844, width: 390 });
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', fullPage: true, path: join(SCREENSHOTS, 'evidence-hub-phone.png') });
  await page.setViewportSize({ height: 900, width: 1440 });
  await page.getByTestId('evidence-group-by').click();
  await page.getByRole('option', { name: 'None', exact: true }).click();
  await expect(groups).toHaveCount(0);
  await expect(page).not.toHaveURL(/group=/);

  // With one model chosen, the hub can add evidence to it too.
  await page.getByTestId('filter-model').click();
  await page.getByRole('option', { name: /GPT-4o/ }).click();
  await expect(page).toHaveURL(new RegExp(`model_id=${model.id}`));
  await expect(hubRows).toHaveCount(1);
  await page.getByTestId('toggle-hub-upload').click();
  await page.getByTestId('evidence-type').click();
  await page.getByRole('option', { name: 'Evaluation Metrics Summary' }).click();
  await page.getByTestId('evidence-file-input').setInputFiles({ buffer: Buffer.from('metric,value\naccuracy,0.93\n'), mimeType: 'text/csv', name: 'metrics.csv' });
  await expect(hubRows).toHaveCount(2);
  await expect(hubRows.filter({ hasText: 'metrics.csv' })).toContainText('Evaluation Metrics Summary');
  await settleForScreenshot(page);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'evidence-hub-upload.png') });

  // Remove, after confirming: gone from the hub, and from the model.
  await hubRows.filter({ hasText: 'security-assessment.pdf' }).getByTestId('remove-evidence').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove evidence' }).click();
  await expect(hubRows).toHaveCount(1);
  await expect(hubRows.first()).toContainText('metrics.csv');
  const left = await request.get(`/api/evidence?model_id=${model.id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await left.json()) as { items: { filename: string }[] }).items.map((item) => item.filename)).toEqual(['metrics.csv']);
});
