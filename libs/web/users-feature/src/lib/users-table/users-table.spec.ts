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
import { MatMenuHarness } from '@angular/material/menu/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTooltipHarness } from '@angular/material/tooltip/testing';
import { InvitationResponse, Role, UserResponse } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { UsersTable } from './users-table';

const user = (id: number, name: string, role: Role): UserResponse => ({
  created_at: '2026-01-05T09:00:00Z',
  email: `${name.split(' ')[0].toLowerCase()}@acme.test`,
  id,
  name,
  organization_id: 7,
  role,
  updated_at: '2026-01-05T09:00:00Z',
});
const GRACE = user(3, 'Grace Hopper', Role.Admin);
const ALAN = user(4, 'Alan Turing', Role.Auditor);

const OPEN_INVITATION: InvitationResponse = {
  created_at: '2026-12-01T09:00:00Z',
  email: 'katherine@acme.example',
  expires_at: '2026-12-08T09:00:00Z',
  id: 7,
  invited_by: 'Grace Hopper',
  role: Role.Reviewer,
};

describe(UsersTable.name, () => {
  let invitations: InvitationResponse[] = [];
  let backend: HttpTestingController;
  let loader: HarnessLoader;
  let overlay: HarnessLoader;
  let fixture: ComponentFixture<UsersTable>;

  beforeEach(() => {
    invitations = [];
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function answerList(items: UserResponse[] = [GRACE, ALAN]): void {
    backend.expectOne('/api/users?limit=10&offset=0').flush({ items, limit: 10, offset: 0, total: items.length });
  }

  async function open(role: Role): Promise<void> {
    await signInAs(role);
    fixture = TestBed.createComponent(UsersTable);
    loader = TestbedHarnessEnvironment.loader(fixture);
    overlay = TestbedHarnessEnvironment.documentRootLoader(fixture);
    fixture.detectChanges();
    answerList();
    await fixture.whenStable();
    if (role === Role.Admin) {
      backend.expectOne('/api/users/invitations?limit=50&offset=0').flush({ items: invitations, limit: 50, offset: 0, total: invitations.length });
      await fixture.whenStable();
    }
  }

  const button = (label: string | RegExp) => loader.getHarness(MatButtonHarness.with({ text: label }));
  const iconButton = (label: string) => loader.getHarness(MatButtonHarness.with({ selector: `[aria-label="${label}"]` }));

  const field = (dialog: MatDialogHarness, label: string) =>
    dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const rowNames = () =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('tr[mat-row]')].map((row) => row.querySelector('td')?.textContent);

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const control = (await (await field(dialog, label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
    await control.blur();
  }

  it('adds a user through the dialog and refreshes the list', async () => {
    await open(Role.Admin);
    await (await button(/Add user/)).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await type(dialog, 'Name', 'Ada Lovelace');
    await type(dialog, 'Email', 'ada@acme.test');
    await type(dialog, 'Temporary password', 'correct-horse-battery');
    const select = await dialog.getHarness(MatSelectHarness);
    await select.open();
    expect(await (await select.getOptions({ text: /^Reviewer/ }))[0].getText()).toContain('Approves, restricts, blocks');
    await select.clickOptions({ text: /^Reviewer/ });
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();

    const request = backend.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual({
      email: 'ada@acme.test',
      name: 'Ada Lovelace',
      password: 'correct-horse-battery',
      role: Role.Reviewer,
    });
    request.flush(user(9, 'Ada Lovelace', Role.Reviewer), { status: 201, statusText: 'Created' });
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    await fixture.whenStable();
    answerList([GRACE, ALAN, user(9, 'Ada Lovelace', Role.Reviewer)]);
    await fixture.whenStable();

    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(rowNames()).toEqual(['Grace Hopper', 'Alan Turing', 'Ada Lovelace']);
  });

  it('renames a user and resets their password through the edit dialog', async () => {
    await open(Role.Admin);
    await (await iconButton('Edit Alan Turing')).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    expect(await (await field(dialog, 'Name')).getControl(MatInputHarness).then((input) => (input as MatInputHarness).getValue())).toBe('Alan Turing');
    await type(dialog, 'Name', 'Alan M. Turing');
    await type(dialog, 'New password', 'enigma-bombe-1940');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    const request = backend.expectOne({ method: 'PATCH', url: '/api/users/4' });
    expect(request.request.body).toEqual({ name: 'Alan M. Turing', password: 'enigma-bombe-1940' });
    request.flush({ ...ALAN, name: 'Alan M. Turing' });
    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    await fixture.whenStable();
    answerList([GRACE, { ...ALAN, name: 'Alan M. Turing' }]);
    await fixture.whenStable();

    expect(await overlay.getAllHarnesses(MatDialogHarness)).toHaveLength(0);
    expect(rowNames()).toEqual(['Grace Hopper', 'Alan M. Turing']);
    expect(document.body.textContent).toContain('Alan M. Turing has a new password and was signed out everywhere.');
  });

  it('keeps the edit dialog open with the field error when the new password is too short', async () => {
    await open(Role.Admin);
    await (await iconButton('Edit Alan Turing')).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await type(dialog, 'Name', '');
    await type(dialog, 'New password', 'short');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    expect(await (await field(dialog, 'Name')).getTextErrors()).toEqual(['Name is required.']);
    expect(await (await field(dialog, 'New password')).getTextErrors()).toEqual(['New password must be at least 10 characters.']);
    backend.expectNone({ method: 'PATCH', url: '/api/users/4' });
  });

  it('changes a role through the row menu', async () => {
    await open(Role.Admin);
    const menu = await loader.getHarness(MatMenuHarness.with({ selector: '[aria-label="Change role of Alan Turing"]' }));
    await menu.open();
    const items = await menu.getItems();
    expect(await Promise.all(items.map((item) => item.getText()))).toEqual([
      expect.stringMatching(/^Admin\s*Manages users and everything/),
      expect.stringMatching(/^Reviewer/),
      expect.stringMatching(/^Editor/),
      expect.stringMatching(/^Auditor\s*Reads everything, changes nothing/),
    ]);
    expect(await items[3].isDisabled()).toBe(true);
    await menu.clickItem({ text: /^Editor/ });

    const request = backend.expectOne({ method: 'PATCH', url: '/api/users/4' });
    expect(request.request.body).toEqual({ role: Role.Editor });
    request.flush({ ...ALAN, role: Role.Editor });
    await fixture.whenStable();
    answerList([GRACE, { ...ALAN, role: Role.Editor }]);
  });

  it('removes a user only after confirmation', async () => {
    await open(Role.Admin);
    await (await iconButton('Remove Alan Turing')).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    expect(await confirm.getText()).toContain('Alan Turing');
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    backend.expectNone({ method: 'DELETE' });

    await (await iconButton('Remove Alan Turing')).click();
    await (await (await overlay.getHarness(MatDialogHarness)).getHarness(MatButtonHarness.with({ text: 'Remove user' }))).click();
    backend.expectOne({ method: 'DELETE', url: '/api/users/4' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    answerList([GRACE]);
    await fixture.whenStable();
    expect(rowNames()).toEqual(['Grace Hopper']);
  });

  it('does not let you remove your own account', async () => {
    await open(Role.Admin);
    expect(await (await iconButton('Remove Grace Hopper')).isDisabled()).toBe(true);
    expect(await (await iconButton('Remove Alan Turing')).isDisabled()).toBe(false);
    const tooltip = await loader.getHarness(MatTooltipHarness.with({ selector: '[data-testid=remove-3]' }));
    await tooltip.show();
    expect(await tooltip.getTooltipText()).toBe('You cannot remove your own account.');
  });

  it('shows no management controls to non-Admins', async () => {
    await open(Role.Reviewer);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: /Add user/ }))).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatMenuHarness)).toHaveLength(0);
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ selector: '.remove' }))).toHaveLength(0);
    expect(rowNames()).toEqual(['Grace Hopper', 'Alan Turing']);
  });

  it('invites someone with a role and shows the one-time link, then lists the invitation as open', async () => {
    await open(Role.Admin);
    await (await button(/Invite/)).click();
    const dialog = await overlay.getHarness(MatDialogHarness);
    await type(dialog, 'Email', 'katherine@acme.example');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create invitation' }))).click();
    const request = backend.expectOne({ method: 'POST', url: '/api/users/invitations' });
    expect(request.request.body).toEqual({ email: 'katherine@acme.example', role: Role.Auditor });
    request.flush({ ...OPEN_INVITATION, role: Role.Auditor, accept_path: '/accept-invitation#token=tok-123', token: 'tok-123' });
    await fixture.whenStable();
    const link = document.querySelector('[data-testid="invitation-link"]')?.textContent ?? '';
    expect(link).toBe(`${location.origin}/accept-invitation#token=tok-123`);
    expect(await dialog.getText()).toContain('It is shown only now, works once');

    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Done' }))).click();
    await fixture.whenStable();
    backend.expectOne('/api/users/invitations?limit=50&offset=0').flush({ items: [OPEN_INVITATION], limit: 50, offset: 0, total: 1 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Open invitations (1)');
  });

  it('lists open invitations to an Admin and revokes one after confirming', async () => {
    invitations = [OPEN_INVITATION];
    await open(Role.Admin);
    const item = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="pending-invitation"]');
    expect(item?.textContent).toContain('katherine@acme.example');
    expect(item?.textContent).toContain('Reviewer · invited by Grace Hopper');

    await (await iconButton('Revoke the invitation for katherine@acme.example')).click();
    const confirm = await overlay.getHarness(MatDialogHarness);
    await (await confirm.getHarness(MatButtonHarness.with({ text: 'Revoke invitation' }))).click();
    backend.expectOne({ method: 'DELETE', url: '/api/users/invitations/7' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    backend.expectOne('/api/users/invitations?limit=50&offset=0').flush({ items: [], limit: 50, offset: 0, total: 0 });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="pending-invitation"]')).toBeNull();
  });
});
