import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { newPasswordValidators } from './account-validators';
import { PasswordField } from './password-field';

@Component({
  imports: [PasswordField, ReactiveFormsModule],
  template: `<form [formGroup]="form"><mi-password-field [purpose]="purpose()" [control]="form.controls.password" /></form>`,
})
class Host {
  readonly purpose = signal<'current' | 'new'>('new');
  readonly form = new FormGroup({ password: new FormControl('', { nonNullable: true, validators: newPasswordValidators }) });
}

describe('PasswordField', () => {
  async function render(purpose: 'current' | 'new') {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.purpose.set(purpose);
    await fixture.whenStable();
    const field = await TestbedHarnessEnvironment.loader(fixture).getHarness(MatFormFieldHarness);
    return { field, fixture, host: fixture.componentInstance, input: fixture.nativeElement.querySelector('input') as HTMLInputElement };
  }

  it('hides what was typed until asked to show it', async () => {
    const { fixture, input } = await render('new');
    expect(input.type).toBe('password');

    (fixture.nativeElement.querySelector('button[aria-label="Show password"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(input.type).toBe('text');
    expect(fixture.nativeElement.querySelector('button[aria-label="Hide password"]')).not.toBeNull();
  });

  it('asks a new password to be chosen, at least 10 characters long', async () => {
    const { field, host, input } = await render('new');
    expect(input.autocomplete).toBe('new-password');
    expect(await field.getTextHints()).toEqual(['At least 10 characters.']);

    host.form.markAllAsTouched();
    expect(await field.getTextErrors()).toEqual(['Choose a password.']);
    host.form.controls.password.setValue('short');
    expect(await field.getTextErrors()).toEqual(['Use at least 10 characters.']);
  });

  it('asks for the current password without a hint, and shows what the server said', async () => {
    const { field, host, input } = await render('current');
    expect(input.autocomplete).toBe('current-password');
    expect(await field.getTextHints()).toEqual([]);

    host.form.markAllAsTouched();
    expect(await field.getTextErrors()).toEqual(['Enter your password.']);
    host.form.controls.password.setErrors({ server: 'Wrong password.' });
    expect(await field.getTextErrors()).toEqual(['Wrong password.']);
  });
});
