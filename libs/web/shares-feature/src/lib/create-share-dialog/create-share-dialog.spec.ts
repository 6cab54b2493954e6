import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { ModelRiskLevel, ModelStatus, ShareLinkResponse } from '@model-inventory/contracts';
import { aCreatedShareLink } from '@model-inventory/web-shares-data-access';
import { openCreateShareDialog } from '../open-share-dialogs';
import { CreateShareDialogData, endOfDay } from './create-share-dialog';

@Component({ changeDetection: ChangeDetectionStrategy.OnPush, selector: 'mi-host', template: '' })
class Host {}

describe('CreateShareDialog', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<Host>;
  let overlay: HarnessLoader;
  let closedWith: ShareLinkResponse | undefined | 'open';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(Host);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
  });

  afterEach(() => backend.verify());

  async function open(data: CreateShareDialogData): Promise<MatDialogHarness> {
    closedWith = 'open';
    openCreateShareDialog(TestBed.inject(MatDialog), data)
      .afterClosed()
      .subscribe((result) => (closedWith = result));
    await fixture.whenStable();
    return overlay.getHarness(MatDialogHarness);
  }

  const text = () => document.querySelector('mi-create-share-dialog')?.textContent ?? '';

  it('shares the tab’s current filters with the chosen fields and export, then shows the link once', async () => {
    const filters = { provider: 'OpenAI', sort: 'model:asc', status: [ModelStatus.APPROVED, ModelStatus.PENDING] };
    const dialog = await open({ filters, resource: 'models' });
    expect(text()).toContain('Status: Approved, Pending');
    expect(text()).toContain('Provider: OpenAI');

    await (await dialog.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: /^All fields/ });
    await (await dialog.getHarness(MatCheckboxHarness.with({ label: 'Allow CSV export' }))).check();
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create link' }))).click();

    const post = backend.expectOne({ method: 'POST', url: '/api/shares' });
    expect(post.request.body).toEqual({ allow_export: true, expires_at: null, fields: 'all', filters, resource: 'models' });
    post.flush(aCreatedShareLink({ allow_export: true, fields: 'all', url: 'https://inventory.example.com/share/secret-token' }));
    await fixture.whenStable();

    expect(await (await dialog.getHarness(MatInputHarness)).getValue()).toBe('https://inventory.example.com/share/secret-token');
    expect(text()).toContain('you will not see this link again');
    expect(await dialog.getTitleText()).toBe('Copy your share link');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Done' }))).click();
    await fixture.whenStable();
    expect(closedWith).toMatchObject({ fields: 'all', id: 1 });
    expect(closedWith).not.toHaveProperty('token');
    expect(closedWith).not.toHaveProperty('url');
  });

  it('sends an expiry at the end of the chosen day and shows why the server refused the link', async () => {
    const dialog = await open({ filters: {}, resource: 'models' });
    expect(text()).toContain('The whole register');
    const inTenDays = new Date();
    inTenDays.setDate(inTenDays.getDate() + 10);
    const expiry = await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid=share-expiry]' }));
    await expiry.setValue(`${inTenDays.getMonth() + 1}/${inTenDays.getDate()}/${inTenDays.getFullYear()}`);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create link' }))).click();

    const post = backend.expectOne('/api/shares');
    expect(post.request.body.expires_at).toBe(endOfDay(inTenDays));
    post.flush({ detail: 'expires_at must be in the future', status: 400, title: 'Bad Request' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();

    expect(text()).toContain('The link could not be created.');
    expect(text()).toContain('expires_at must be in the future');
    expect(closedWith).toBe('open');
  });

  it('shares active risks only: the Risks tab’s “all” or “deleted” choice is left out, and the user is told', async () => {
    const dialog = await open({ filters: { filter: 'all', risk_level: [ModelRiskLevel.HIGH] }, resource: 'risks' });
    expect(text()).toContain('Level: High');
    expect(text()).toContain('A share link shows active risks only');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create link' }))).click();
    const post = backend.expectOne('/api/shares');
    expect(post.request.body).toMatchObject({ filters: { risk_level: ['High'] }, resource: 'risks' });
    expect(post.request.body.filters).not.toHaveProperty('filter');
    post.flush(aCreatedShareLink({ resource: 'risks' }));
  });
});
