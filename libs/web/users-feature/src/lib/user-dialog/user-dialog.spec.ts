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
import { UserDialog } from './user-dialog';

@Component({ template: '' })
class Host {}

describe(UserDialog.name, () => {
  let backend: HttpTestingController;

  beforeEach(() => {
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

  async function open(): Promise<MatDialogHarness> {
    const fixture = TestBed.createComponent(Host);
    TestBed.inject(MatDialog).open(UserDialog);
    await fixture.whenStable();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
  }

  const field = (dialog: MatDialogHarness, label: string) =>
    dialog.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));

  async function type(dialog: MatDialogHarness, label: string, value: string): Promise<void> {
    const control = (await (await field(dialog, label)).getControl(MatInputHarness)) as MatInputHarness;
    await control.setValue(value);
    await control.blur();
  }

  it('shows the server\'s field errors on their fields', async () => {
    const dialog = await open();
    await type(dialog, 'Name', 'Ada Lovelace');
    await type(dialog, 'Email', 'ada@acme.test');
    await type(dialog, 'Temporary password', 'correct-horse-battery');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();

    backend.expectOne({ method: 'POST', url: '/api/users' }).flush(
      {
        errors: [{ field: 'password', message: 'password is too common' }],
        status: 400,
        title: 'Bad Request',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await (await field(dialog, 'Temporary password')).getTextErrors()).toEqual(['password is too common']);
    expect(await (await field(dialog, 'Name')).hasErrors()).toBe(false);

    await type(dialog, 'Temporary password', 'a-much-better-passphrase');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();
    backend.expectOne({ method: 'POST', url: '/api/users' }).flush(
      { detail: 'A user with this e-mail already exists.', status: 409, title: 'Conflict' },
      { status: 409, statusText: 'Conflict' },
    );
    expect(await (await field(dialog, 'Email')).getTextErrors()).toEqual(['A user with this e-mail already exists.']);
  });

  it('validates the form before posting it', async () => {
    const dialog = await open();
    await type(dialog, 'Email', 'not-an-email');
    await type(dialog, 'Temporary password', 'short');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Add user' }))).click();

    expect(await (await field(dialog, 'Name')).getTextErrors()).toEqual(['Name is required.']);
    expect(await (await field(dialog, 'Email')).getTextErrors()).toEqual(['Enter an e-mail address, e.g. jane.doe@company.com.']);
    expect(await (await field(dialog, 'Temporary password')).getTextErrors()).toEqual([
      'Temporary password must be at least 10 characters.',
    ]);
    backend.expectNone({ method: 'POST', url: '/api/users' });
  });
});
