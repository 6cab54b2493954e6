import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatRowHarness, MatTableHarness } from '@angular/material/table/testing';
import { ApiTokenResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { anApiToken } from '@model-inventory/web-security-data-access';
import { ApiTokensPage } from './api-tokens-page';

const CI = anApiToken({ id: 1, last_used_at: '2026-12-02T10:00:00Z', name: 'CI pipeline', role: Role.Editor });
const OLD = anApiToken({ id: 2, name: 'Old exporter', prefix: 'mi_ZyXw9876', revoked_at: '2026-11-20T10:00:00Z', user_name: 'Alan Turing' });

describe(ApiTokensPage.name, () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<ApiTokensPage>;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const answerList = (items: ApiTokenResponse[] = [CI, OLD]) =>
    backend.expectOne('/api/api-tokens?limit=10&offset=0').flush({ items, limit: 10, offset: 0, total: items.length });

  async function open(role: Role, items?: ApiTokenResponse[]): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(ApiTokensPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    answerList(items);
    await fixture.whenStable();
  }

  async function rows(): Promise<Record<string, string>[]> {
    const table = await loader.getHarness(MatTableHarness);
    return Promise.all((await table.getRows()).map((row: MatRowHarness) => row.getCellTextByColumnName()));
  }

  it('lists the tokens with their prefix, role, use and expiry, and the owner for Admins', async () => {
    await open(Role.Admin);

    const [ci, old] = await rows();
    expect(ci).toMatchObject({ expires_at: 'Never', last_used_at: expect.stringContaining('2026'), name: 'CI pipeline', owner: 'Grace Hopper', prefix: 'mi_AbCd1234…', role: 'Editor' });
    expect(old).toMatchObject({ expires_at: 'Revoked Nov 20, 2026', last_used_at: 'Never', owner: 'Alan Turing' });
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '[aria-label^="Revoke"]' }))).toHaveLength(1);
  });

  it('shows other roles their own tokens without an owner column', async () => {
    await open(Role.Auditor, [CI]);

    expect(Object.keys((await rows())[0])).not.toContain('owner');
  });

  it('creates a token with a role no higher than the user\'s, shows it once with a copy button, then lists it', async () => {
    await open(Role.Editor, []);
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('No API tokens yet');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create token/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);

    const role = await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=token-role]' }));
    await role.open();
    expect(await Promise.all((await role.getOptions()).map((option) => option.getText()))).toEqual(['Editor', 'Auditor']);
    await role.clickOptions({ text: 'Auditor' });
    await (await dialog.getHarness(MatSelectHarness.with({ selector: '[data-testid=token-lifetime]' }))).clickOptions({ text: 'No expiry' });
    const name = (await (await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }))).getControl(MatInputHarness)) as MatInputHarness;
    await name.setValue('  Nightly export  ');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create token' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/api-tokens' });
    expect(request.request.body).toEqual({ expires_at: null, name: 'Nightly export', role: Role.Auditor });
    const secret = 'mi_AbCd1234' + 'x'.repeat(40);
    request.flush({ ...anApiToken({ id: 7, name: 'Nightly export', role: Role.Auditor }), token: secret }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(await dialog.getTitleText()).toBe('Copy your new API token');
    expect(await dialog.getText()).toContain('you will not see it again');
    expect(await (await dialog.getHarness(MatInputHarness.with({ selector: '[data-testid=created-token]' }))).getValue()).toBe(secret);
    expect(await dialog.getAllHarnesses(MatButtonHarness.with({ text: /Copy token/ }))).toHaveLength(1);

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'I have copied it' }))).click();
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    await fixture.whenStable();
    answerList([anApiToken({ id: 7, name: 'Nightly export', role: Role.Auditor })]);
    await fixture.whenStable();

    expect((await rows()).map((row) => row['name'])).toEqual(['Nightly export']);
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain(secret);
    expect(await (await overlay.getHarness(MatSnackBarHarness)).getMessage()).toBe('API token "Nightly export" was created.');
  });

  it('shows the API\'s field error when the name is refused, and a missing name before sending', async () => {
    await open(Role.Editor, []);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Create token/ }))).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create token' }))).click();
    const nameField = await dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Name' }));
    expect(await nameField.getTextErrors()).toEqual(['Name is required.']);
    backend.expectNone('/api/api-tokens');

    await ((await nameField.getControl(MatInputHarness)) as MatInputHarness).setValue('x');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create token' }))).click();
    backend
      .expectOne({ method: 'POST', url: '/api/api-tokens' })
      .flush({ errors: [{ field: 'name', message: 'name is already used by another of your tokens' }], status: 400, title: 'Bad Request' }, { status: 400, statusText: 'Bad Request' });

    expect(await nameField.getTextErrors()).toEqual(['name is already used by another of your tokens']);
  });

  it('revokes a token after confirming and lists it as revoked', async () => {
    await open(Role.Admin);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Revoke CI pipeline"]' }))).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('stop working at once');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Revoke token' }))).click();

    backend.expectOne({ method: 'DELETE', url: '/api/api-tokens/1' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    answerList([{ ...CI, revoked_at: '2026-12-03T10:00:00Z' }, OLD]);
    await fixture.whenStable();

    expect((await rows()).map((row) => row['expires_at'])).toEqual(['Revoked Dec 3, 2026', 'Revoked Nov 20, 2026']);
  });
});
