import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { Role, UserResponse } from '@model-inventory/contracts';
import { applyProblemToForm, problemOf } from '@model-inventory/web-core';
import { UsersApi } from '@model-inventory/web-users-data-access';
import { ROLE_OPTIONS } from '../user-roles';

export const MIN_PASSWORD_LENGTH = 10;

/** Adds a user to the organisation; closes with the created user. */
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
    MatOption,
    MatSelect,
    MatSelectTrigger,
    ReactiveFormsModule,
  ],
  selector: 'mi-user-dialog',
  styleUrl: './user-dialog.scss',
  templateUrl: './user-dialog.html',
})
export class UserDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserDialog, UserResponse>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = ROLE_OPTIONS;
  protected readonly minPasswordLength = MIN_PASSWORD_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(200)]],
    role: [Role.Editor, Validators.required],
  });

  protected errorOf(name: keyof typeof this.form.controls, label: string): string {
    return errorMessage(this.form.controls[name], label);
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    this.api
      .create({ ...value, email: value.email.trim(), name: value.name.trim() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          if (problemOf(error)?.status === 409 && !problemOf(error)?.errors?.length) {
            this.form.controls.email.setErrors({ server: this.formError() ?? 'This e-mail is already in use.' });
            this.form.controls.email.markAsTouched();
            this.formError.set(null);
          }
        },
        next: (user) => this.dialogRef.close(user),
      });
  }
}

function errorMessage(control: AbstractControl, label: string): string {
  const errors = control.errors;
  if (!errors) return '';
  if (errors['server']) return String(errors['server']);
  if (errors['required']) return `${label} is required.`;
  if (errors['email']) return 'Enter an e-mail address, e.g. jane.doe@company.com.';
  if (errors['minlength']) return `${label} must be at least ${errors['minlength'].requiredLength} characters.`;
  if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
  return `${label} is not valid.`;
}
