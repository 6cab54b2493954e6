import { expect, Page, test } from '@playwright/test';
import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WEBHOOK_SIGNATURE_HEADER, WebhookPayload, WebRoutes } from '@model-inventory/contracts';
import { addModel, registerOrganisation, SCREENSHOTS, settleForScreenshot, signIn } from './support/console';


interface ReceivedDelivery {
  body: string;
  signature: string | undefined;
}

/**
 * A webhook receiver on 127.0.0.1 (allowed on the test stack) that records every POST; it answers the first one
 * 503, so the log shows a failed attempt and its retry, and every later one 200.
 */
async function startReceiver(): Promise<{ server: Server; url: string; received: ReceivedDelivery[] }> {
  const received: ReceivedDelivery[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string | undefined });
      response.writeHead(received.length === 1 ? 503 : 200).end(received.length === 1 ? 'busy' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/model-inventory` };
}

const dialog = (page: Page) => page.getByRole('dialog').last();
const snackBarsGone = (page: Page) => expect(page.locator('mat-snack-bar-container')).toHaveCount(0, { timeout: 10_000 });

test('settings: create a project with a framework and filter the models by it; a webhook shows its secret once and logs its deliveries', async ({ page, request }) => {
  test.setTimeout(180_000);
  const receiver = await startReceiver();
  try {
    const { admin, token } = await registerOrganisation(request, { emailPrefix: 'settings-lead', organisationName: 'Acme Settings' });
    const gpt = await addModel(request, token, { model: 'GPT-4o', provider: 'OpenAI', version: '1' });
    await addModel(request, token, { model: 'Claude 3.5 Sonnet', provider: 'Anthropic', version: '1' });

    await page.setViewportSize({ height: 900, width: 1440 });
    await signIn(page, admin.email);

    // Projects: the new organisation has none; create one linked to a framework.
    await page.goto(`/${WebRoutes.settings}`);
    await page.getByTestId('settings-tab-projects').click();
    await expect(page).toHaveURL(/\/settings\/projects$/);
    await expect(page.getByText('No projects yet')).toBeVisible();
    await page.getByRole('button', { name: 'Create project' }).click();
    const projectForm = dialog(page);
    await projectForm.getByLabel('Name', { exact: true }).fill('Customer support assistant');
    await projectForm.getByLabel('Description', { exact: true }).fill('Answers customer e-mails in four languages.');
    await projectForm.getByTestId('project-frameworks').click();
    await page.getByRole('option', { name: 'EU AI Act' }).click();
    await page.keyboard.press('Escape');
    await expect(projectForm.getByTestId('project-frameworks')).toContainText('EU AI Act');
    await projectForm.getByRole('button', { name: 'Create project' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const projectRow = page.getByTestId('project-row').filter({ hasText: 'Customer support assistant' });
    await expect(projectRow).toContainText('EU AI Act');
    await expect(projectRow.getByRole('cell').nth(3)).toHaveText('0');
    const projects = (await (await request.get('/api/projects', { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { id: number }[] };
    const projectId = projects.items[0].id;

    // Webhooks: a refused URL is named on its field; a local receiver is accepted and its secret shown once.
    await snackBarsGone(page);
    await page.getByTestId('settings-tab-webhooks').click();
    await expect(page).toHaveURL(/\/settings\/webhooks$/);
    await expect(page.getByText('No webhooks yet')).toBeVisible();
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const webhookForm = dialog(page);
    await webhookForm.getByLabel('URL', { exact: true }).fill('http://169.254.169.254/latest');
    await webhookForm.getByRole('button', { name: 'Create webhook' }).click();
    await expect(webhookForm.locator('mat-error')).toContainText('169.254.169.254');
    await settleForScreenshot(page);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhook-refused-url.png') });

    await webhookForm.getByLabel('URL', { exact: true }).fill(receiver.url);
    await webhookForm.getByRole('button', { name: 'Create webhook' }).click();
    await expect(webhookForm.getByRole('heading', { name: 'Copy the signing secret' })).toBeVisible();
    await expect(webhookForm.getByTestId('secret-once-warning')).toContainText('you will not see it again');
    await expect(webhookForm.getByRole('button', { name: 'Copy secret' })).toBeVisible();
    const secret = await webhookForm.getByTestId('created-secret').inputValue();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await settleForScreenshot(page);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhook-secret.png') });
    await webhookForm.getByRole('button', { name: 'I have copied it' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const webhookRow = page.getByTestId('webhook-row').filter({ hasText: receiver.url });
    await expect(webhookRow).toContainText(`…${secret.slice(-4)}`);
    await expect(webhookRow).toContainText('Model added, Model updated, Model deleted');
    await expect(page.getByText(secret)).toHaveCount(0);
    await snackBarsGone(page);
    await settleForScreenshot(page);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhooks.png') });

    // A model change: link GPT-4o to the project. The receiver refuses the first try (503) and takes the retry,
    // the same signed model_updated envelope.
    const linked = await request.patch(`/api/modelInventory/${gpt.id}`, { data: { projects: [projectId] }, headers: { Authorization: `Bearer ${token}` } });
    expect(linked.status(), await linked.text()).toBe(200);
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
    const [refused, delivery] = receiver.received;
    expect(delivery.body).toBe(refused.body);
    expect(delivery.signature).toBe(`sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`);
    expect((JSON.parse(delivery.body) as WebhookPayload).event).toBe('model_updated');

    await webhookRow.getByRole('link', { name: `Delivery log of ${receiver.url}` }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks\/\d+\/deliveries$/);
    const deliveryRows = page.getByTestId('delivery-row');
    await expect(async () => {
      await page.getByRole('button', { name: 'Reload' }).click();
      await expect(deliveryRows).toHaveCount(2, { timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    const cells = (index: number) => deliveryRows.nth(index).getByRole('cell');
    await expect(cells(0)).toHaveText([/.+/, 'Model updated', '2', /Succeeded/, '200', /\d+ ms/, '']);
    await expect(cells(1)).toHaveText([/.+/, 'Model updated', '1', /Failed/, '503', /\d+ ms/, /.*/]);
    await settleForScreenshot(page);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhook-deliveries.png') });

    // Disable the webhook from the list.
    await page.getByRole('link', { name: 'Webhooks' }).first().click();
    await page.getByTestId('webhook-row').getByRole('switch').click();
    await expect(page.getByTestId('webhook-row')).toContainText('Off');

    // The project counts its model, and the Models tab filters by it.
    await page.getByTestId('settings-tab-projects').click();
    await expect(projectRow.getByRole('cell').nth(3)).toHaveText('1');
    await snackBarsGone(page);
    await settleForScreenshot(page);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-projects.png') });
    await page.goto('/model-inventory/models');
    await page.getByTestId('filter-project').click();
    await page.getByRole('option', { name: 'Customer support assistant' }).click();
    await expect(page.getByTestId('model-row')).toHaveCount(1);
    await expect(page.getByTestId('model-row')).toContainText('GPT-4o');
  } finally {
    receiver.server.close();
  }
});
