import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatRowHarness, MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { Role, WebhookResponse } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { aWebhook } from '@model-inventory/web-webhooks-data-access';
import { WebhooksPage } from './webhooks-page';

const CRM = aWebhook({ id: 1, url: 'https://crm.example.com/hooks/models' });
const OFF = aWebhook({ active: false, events: ['model_deleted'], id: 2, secret_hint: 'Ab12', url: 'https://audit.example.com/in' });

describe(WebhooksPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<WebhooksPage>;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function answerList(items: WebhookResponse[] = [CRM, OFF]): Promise<void> {
    await fixture.whenStable();
    backend.expectOne('/api/webhooks?limit=10&offset=0').flush({ items, limit: 10, offset: 0, total: items.length });
    await fixture.whenStable();
  }

  async function open(items?: WebhookResponse[]): Promise<void> {
    await signInAs(Role.Admin);
    fixture = TestBed.createComponent(WebhooksPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    await answerList(items);
  }

  async function rows(): Promise<Record<string, string>[]> {
    const table = await loader.getHarness(MatTableHarness);
    return Promise.all((await table.getRows()).map((row: MatRowHarness) => row.getCellTextByColumnName()));
  }

  async function fill(dialog: MatDialogHarness, label: string, value: string): Promise<MatFormFieldHarness> {
    const field = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    await ((await field.getControl(MatInputHarness)) as MatInputHarness).setValue(value);
    return field;
  }

  it('lists the webhooks with their events, the end of their secret and whether they are on', async () => {
    await open();

    expect(await rows()).toEqual([
      expect.objectContaining({ active: 'On', events: 'Model added, Model updated', secret: '…x9Qz', url: 'https://crm.example.com/hooks/models' }),
      expect.objectContaining({ active: 'Off', events: 'Model deleted', secret: '…Ab12', url: 'https://audit.example.com/in' }),
    ]);
  });

  it('creates a webhook with a generated secret, shows the secret once with a copy button, then lists the webhook', async () => {
    await open([]);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No webhooks yet');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create webhook/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await fill(dialog, 'URL', ' https://hooks.example.com/in ');
    const events = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=webhook-events]' }));
    await events.open();
    await events.clickOptions({ text: 'Model deleted' });
    await events.close();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create webhook' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/webhooks' });
    const body = request.request.body as { secret: string };
    expect(body).toEqual({ active: true, events: ['model_added', 'model_updated'], secret: expect.stringMatching(/^[0-9a-f]{64}$/), url: 'https://hooks.example.com/in' });
    const created = aWebhook({ id: 7, secret_hint: body.secret.slice(-4), url: 'https://hooks.example.com/in' });
    request.flush(created, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(await dialog.getTitleText()).toBe('Copy the signing secret');
    expect(await dialog.getText()).toContain('you will not see it again');
    expect(await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid=created-secret]' }))).getValue()).toBe(body.secret);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Copy secret/ }))).toHaveLength(1);

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have copied it' }))).click();
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    await answerList([created]);

    expect((await rows()).map((row) => row['url'])).toEqual(['https://hooks.example.com/in']);
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain(body.secret);
    expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('Webhook for https://hooks.example.com/in was created.');
  });

  it('shows the API\'s refusal of a URL on the URL field, and missing fields before sending', async () => {
    await open([]);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create webhook/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    const events = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=webhook-events]' }));
    await events.open();
    await events.clickOptions({ text: 'Model added' });
    await events.clickOptions({ text: 'Model updated' });
    await events.clickOptions({ text: 'Model deleted' });
    await events.close();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create webhook' }))).click();
    expect(await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'URL' }))).getTextErrors()).toEqual(['URL is required.']);
    expect(await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Events' }))).getTextErrors()).toEqual(['Choose at least one event.']);
    backend.expectNone('/api/webhooks');

    await events.open();
    await events.clickOptions({ text: 'Model added' });
    await events.close();
    const url = await fill(dialog, 'URL', 'http://10.0.0.5/hook');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create webhook' }))).click();
    backend
      .expectOne({ method: 'POST', url: '/api/webhooks' })
      .flush(
        { errors: [{ field: 'url', message: 'url must not point at 10.0.0.5, a private address' }], status: 400, title: 'Bad Request' },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();

    expect(await url.getTextErrors()).toEqual(['url must not point at 10.0.0.5, a private address']);
    expect(await dialog.getTitleText()).toBe('Create a webhook');
  });

  it('edits the URL and events of a webhook', async () => {
    await open();
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit https://audit.example.com/in"]' }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await fill(dialog, 'URL', 'https://audit.example.com/v2');
    const events = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=webhook-events]' }));
    await events.open();
    await events.clickOptions({ text: 'Model added' });
    await events.close();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save webhook' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/webhooks/2' });
    expect(request.request.body).toEqual({ active: false, events: ['model_added', 'model_deleted'], url: 'https://audit.example.com/v2' });
    request.flush({ ...OFF, events: ['model_added', 'model_deleted'], url: 'https://audit.example.com/v2' });
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    await answerList([CRM, { ...OFF, events: ['model_added', 'model_deleted'], url: 'https://audit.example.com/v2' }]);

    expect((await rows())[1]).toMatchObject({ events: 'Model added, Model deleted', url: 'https://audit.example.com/v2' });
  });

  it('replaces the secret of a webhook on request and shows the new one once', async () => {
    await open();
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Edit https://crm.example.com/hooks/models"]' }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatCheckboxHarness.with({ selector: '[data-testid=webhook-replace-secret]' }))).check();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save webhook' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/webhooks/1' });
    const { secret } = request.request.body as { secret: string };
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    request.flush({ ...CRM, secret_hint: secret.slice(-4) });
    await fixture.whenStable();

    expect(await dialog.getText()).toContain('you will not see it again');
    expect(await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid=created-secret]' }))).getValue()).toBe(secret);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have copied it' }))).click();
    await answerList([{ ...CRM, secret_hint: secret.slice(-4) }, OFF]);

    expect((await rows())[0]['secret']).toBe(`…${secret.slice(-4)}`);
  });

  it('disables and enables a webhook from the list', async () => {
    await open();
    await (await loader.getHarness(MatSlideToggleHarness.with({ selector: '[data-testid=webhook-toggle-1]' }))).toggle();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/webhooks/1' });
    expect(request.request.body).toEqual({ active: false });
    request.flush({ ...CRM, active: false });
    await answerList([{ ...CRM, active: false }, OFF]);

    expect((await rows()).map((row) => row['active'])).toEqual(['Off', 'Off']);
    expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('Webhook for https://crm.example.com/hooks/models was disabled.');
  });

  it('deletes a webhook after confirming', async () => {
    await open();
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Delete https://crm.example.com/hooks/models"]' }))).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('receives no more events');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Delete webhook' }))).click();

    backend.expectOne({ method: 'DELETE', url: '/api/webhooks/1' }).flush(null, { status: 204, statusText: 'No Content' });
    await answerList([OFF]);

    expect((await rows()).map((row) => row['url'])).toEqual(['https://audit.example.com/in']);
  });
});
