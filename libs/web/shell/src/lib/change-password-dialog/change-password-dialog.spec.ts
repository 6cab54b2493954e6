import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { ChangePasswordDialog } from './change-password-dialog';

@Component({ template: '' })
class Host {}

const LABELS = ['Current password', 'New password', 'Confirm new password'];

describe(ChangePasswordDialog.name, () => {
  let backend: HttpTestingController;
  let closedWith: boolean | undefined | 'open';

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(): Promise<MatDialogHarness> {
    const fixture = TestBed.createComponent(Host);
    closedWith = 'open';
    TestBed.inject(MatDialog)
      .open<ChangePasswordDialog, void, boolean>(ChangePasswordDialog)
      .afterClosed()
      .subscribe((result) => (closedWith = result));
    await fixture.whenStable();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
  }

  const field = (dialog: MatDialogHarness, label: string) => dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const control = (await (await field(dialog, label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
    await control.blur();
  }

  const submit = async (dialog: MatDialogHarness) => (await dialog.getHarness(MatButtonHarness.with({ text: 'Change password' }))).click();
  const errorsOf = async (dialog: MatDialogHarness) => Promise.all(LABELS.map(async (label) => (await field(dialog, label)).getTextErrors()));

  it('names every missing field when submitted empty, and sends nothing', async () => {
    const dialog = await open();
    await submit(dialog);

    expect(await errorsOf(dialog)).toEqual([
      ['Current password is required.'],
      ['New password is required.'],
      ['Confirm new password is required.'],
    ]);
    backend.expectNone('/api/auth/password');
  });

  it('refuses a short new password and a confirmation that differs', async () => {
    const dialog = await open();
    await type(dialog, 'Current password', 'old password 123');
    await type(dialog, 'New password', 'short');
    await type(dialog, 'Confirm new password', 'shorter');
    await submit(dialog);

    expect(await errorsOf(dialog)).toEqual([[], ['New password must be at least 10 characters.'], ['Confirm new password does not match the new password.']]);
    backend.expectNone('/api/auth/password');
  });

  it('says clearly when the current password is wrong, and stays open', async () => {
    const dialog = await open();
    await type(dialog, 'Current password', 'not my password');
    await type(dialog, 'New password', 'a much longer passphrase');
    await type(dialog, 'Confirm new password', 'a much longer passphrase');
    await submit(dialog);

    backend.expectOne('/api/auth/password').flush(
      { errors: [{ field: 'current_password', message: 'current_password is not your current password' }], status: 400, title: 'Bad Request' },
      { status: 400, statusText: 'Bad Request' },
    );

    expect((await errorsOf(dialog))[0]).toEqual(['This is not your current password.']);
    expect(closedWith).toBe('open');
  });

  it('sends the current and the new password and closes when it is changed', async () => {
    const dialog = await open();
    await type(dialog, 'Current password', 'old password 123');
    await type(dialog, 'New password', 'a much longer passphrase');
    await type(dialog, 'Confirm new password', 'a much longer passphrase');
    await submit(dialog);

    const request = backend.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({ current_password: 'old password 123', new_password: 'a much longer passphrase' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await new Promise((resolve) => setTimeout(resolve));

    expect(closedWith).toBe(true);
  });
});
