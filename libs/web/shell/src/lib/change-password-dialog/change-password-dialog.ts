import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AbstractControl, FormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@model-inventory/contracts';
import { applyProblemToForm, AuthStore } from '@model-inventory/web-core';

export const WRONG_CURRENT_PASSWORD = 'This is not your current password.';

/** The signed-in user changes their own password; closes with `true` once it is changed. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  selector: 'mi-change-password-dialog',
  styleUrl: './change-password-dialog.scss',
  templateUrl: './change-password-dialog.html',
})
export class ChangePasswordDialog {
  private readonly auth = inject(AuthStore);
  private readonly dialogRef = inject<MatDialogRef<ChangePasswordDialog, boolean>>(MatDialogRef);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      confirm_password: ['', Validators.required],
      current_password: ['', Validators.required],
      new_password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    },
    { validators: confirmationMatches },
  );

  protected errorOf(name: keyof typeof this.form.controls, label: string): string {
    return errorMessage(this.form.controls[name], label);
  }

  protected async save(): Promise<void> {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { current_password, new_password } = this.form.getRawValue();
    try {
      await this.auth.changePassword({ current_password, new_password });
      this.dialogRef.close(true);
    } catch (error) {
      this.formError.set(applyProblemToForm(this.form, error));
      const current = this.form.controls.current_password;
      if (current.hasError('server')) {
        current.setErrors({ server: WRONG_CURRENT_PASSWORD });
      }
    } finally {
      this.saving.set(false);
    }
  }
}

/** Marks the confirmation (not the whole form) when it differs from the new password, so its field shows why. */
function confirmationMatches(group: AbstractControl): ValidationErrors | null {
  const confirmation = group.get('confirm_password');
  const differs = !!confirmation?.value && confirmation.value !== group.get('new_password')?.value;
  if (confirmation && differs !== confirmation.hasError('mismatch')) {
    const { mismatch: _mismatch, ...others } = confirmation.errors ?? {};
    confirmation.setErrors(differs ? { ...others, mismatch: true } : Object.keys(others).length ? others : null);
  }
  return null;
}

function errorMessage(control: AbstractControl, label: string): string {
  const errors = control.errors;
  if (!errors) return '';
  if (errors['server']) return String(errors['server']);
  if (errors['required']) return `${label} is required.`;
  if (errors['minlength']) return `${label} must be at least ${errors['minlength'].requiredLength} characters.`;
  if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
  if (errors['mismatch']) return `${label} does not match the new password.`;
  return `${label} is not valid.`;
}
