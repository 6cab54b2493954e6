import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { RegisterResponse, WEBHOOK_SIGNATURE_HEADER, WebRoutes } from '@model-inventory/contracts';
import { storeSession } from './support/console';

const SCREENSHOTS = join(__dirname, '..', 'screenshots');
const PASSWORD = 'correct-horse-battery-staple';

// Three browser contexts and a worker round trip: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 240_000 });
const see = expect.configure({ timeout: 20_000 });

async function registerOrganisation(request: APIRequestContext): Promise<{ name: string; token: string }> {
  const suffix = randomUUID().slice(0, 8);
  const name = `Acme Team ${suffix}`;
  const registered = await request.post('/api/auth/register', {
    data: { email: `team-lead-${suffix}@e2e.example.com`, name: 'Grace Hopper', organization_name: name, password: PASSWORD },
  });
  expect(registered.status()).toBe(201);
  return { name, token: ((await registered.json()) as RegisterResponse).access_token };
}

async function signInWithToken(page: Page, token: string): Promise<void> {
  await storeSession(page, token);
}

/** A local receiver (private addresses are allowed on the test stack) that records signed POSTs and answers 200. */
async function startReceiver(): Promise<{ server: Server; url: string; received: { body: string; signature?: string; event?: string }[] }> {
  const received: { body: string; signature?: string; event?: string }[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        event: request.headers['x-webhook-event'] as string | undefined,
        signature: request.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string | undefined,
      });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping` };
}

test('an Admin invites a Reviewer with a one-time link; the invitee accepts, is signed in, and can sign in again', async ({ browser, page, request }) => {
  const organisation = await registerOrganisation(request);
  await signInWithToken(page, organisation.token);
  const inviteeEmail = `invitee-${randomUUID().slice(0, 8)}@e2e.example.com`;

  await page.goto(`/${WebRoutes.settings}`);
  await page.getByRole('button', { name: 'Invite' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  await see(dialog.locator('mat-error')).toContainText('Email is required.');
  await dialog.getByRole('textbox', { name: 'Email' }).fill(inviteeEmail);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: /Reviewer/ }).click();
  await dialog.getByRole('button', { name: 'Create invitation' }).click();
  const link = await dialog.getByTestId('invitation-link').textContent();
  expect(link).toMatch(/\/accept-invitation#token=[\w-]{43}$/);
  await see(dialog).toContainText('It is shown only now, works once');
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-invite-link.png') });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await see(page.getByRole('dialog')).toHaveCount(0);
  const pending = page.getByTestId('pending-invitation');
  await see(pending).toContainText(inviteeEmail);
  await see(pending).toContainText('Reviewer · invited by Grace Hopper');
  await page.getByTestId('pending-invitation').scrollIntoViewIfNeeded();
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-users-open-invitation.png') });

  // The invitee opens the link in a fresh browser.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link ?? '');
  await see(invitee.getByText(`Join ${organisation.name}`, { exact: true })).toBeVisible();
  await see(invitee.getByText(`You were invited as ${inviteeEmail} with the role Reviewer.`)).toBeVisible();
  await invitee.getByRole('button', { name: 'Join and sign in' }).click();
  await see(invitee.getByText('Enter your name.')).toBeVisible();
  await invitee.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'accept-invitation.png') });
  await invitee.getByLabel('Your name').fill('Katherine Johnson');
  await invitee.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await invitee.getByRole('button', { name: 'Join and sign in' }).click();
  await see(invitee).toHaveURL(/\/model-inventory/);

  // The link is used up; a second visit says so.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link ?? '');
  await see(again.getByText('This invitation cannot be used', { exact: true })).toBeVisible();
  await again.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'accept-invitation-used.png') });

  // And the new account signs in with the password the invitee chose.
  const signIn = await (await browser.newContext()).newPage();
  await signIn.goto(`/${WebRoutes.login}`);
  await signIn.getByLabel('Email').fill(inviteeEmail);
  await signIn.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await see(signIn).toHaveURL(/\/model-inventory/);

  await page.reload();
  await see(page.getByRole('table', { name: 'Users' })).toContainText('Katherine Johnson');
  await see(pending).toHaveCount(0);
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-users-after-invitation.png') });

  await page.goto(`/${WebRoutes.settings}/organization`);
  await see(page.getByTestId('joining-policy')).toContainText('Invitation only: nobody becomes a member without an Admin.');
  await page.getByTestId('joining-policy').scrollIntoViewIfNeeded();
  await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-organization-who-can-join.png') });
});

test('an Admin sends a test delivery from Settings › Webhooks and sees its result from the delivery log', async ({ page, request }) => {
  const receiver = await startReceiver();
  try {
    const organisation = await registerOrganisation(request);
    const secret = 'e2e-ping-secret-0123456789';
    const created = await request.post('/api/webhooks', {
      data: { events: ['model_deleted'], secret, url: receiver.url },
      headers: { Authorization: `Bearer ${organisation.token}` },
    });
    expect(created.status()).toBe(201);
    await signInWithToken(page, organisation.token);

    await page.goto(`/${WebRoutes.settings}/webhooks`);
    await page.getByRole('button', { name: `Send test delivery to ${receiver.url}` }).click();
    const result = page.getByTestId('webhook-test-result');
    await see(result).toContainText(`Test delivery to ${receiver.url} succeeded: HTTP 200`);
    expect(receiver.received).toHaveLength(1);
    const [ping] = receiver.received;
    expect(ping.event).toBe('webhook_test');
    expect(ping.signature).toBe(`sha256=${createHmac('sha256', secret).update(ping.body).digest('hex')}`);
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhook-test-delivery.png') });

    await result.getByRole('link', { name: 'Delivery log' }).click();
    await see(page.getByTestId('delivery-row').first()).toContainText('Test delivery');
    await page.screenshot({ animations: 'disabled', path: join(SCREENSHOTS, 'settings-webhook-test-delivery-log.png') });
  } finally {
    receiver.server.close();
  }
});
