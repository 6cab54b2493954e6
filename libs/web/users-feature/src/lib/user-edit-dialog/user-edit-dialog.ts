import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, UpdateUserRequest, UserResponse } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { UsersApi } from '@model-inventory/web-users-data-access';

export interface UserEditResult {
  user: UserResponse;
  passwordReset: boolean;
}

/** An Admin renames a user or sets a new password for them (which signs them out everywhere). */
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
  selector: 'mi-user-edit-dialog',
  styleUrl: '../user-dialog/user-dialog.scss',
  templateUrl: './user-edit-dialog.html',
})
export class UserEditDialog {
  private readonly api = inject(UsersApi);
  private readonly dialogRef = inject<MatDialogRef<UserEditDialog, UserEditResult>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly user = inject<UserResponse>(MAT_DIALOG_DATA);
  protected readonly minPasswordLength = PASSWORD_MIN_LENGTH;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.user.name, [Validators.required, Validators.maxLength(200)]],
    password: ['', [Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });

  protected errorOf(name: keyof typeof this.form.controls, label: string): string {
    const errors: AbstractControl['errors'] = this.form.controls[name].errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return `${label} is required.`;
    if (errors['minlength']) return `${label} must be at least ${errors['minlength'].requiredLength} characters.`;
    if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
    return `${label} is not valid.`;
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, password } = this.form.getRawValue();
    const changes: UpdateUserRequest = {};
    if (name.trim() !== this.user.name) changes.name = name.trim();
    if (password) changes.password = password;
    if (Object.keys(changes).length === 0) {
      this.dialogRef.close();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    this.api
      .updateFromForm(this.user.id, changes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
        },
        next: (user) => this.dialogRef.close({ passwordReset: !!changes.password, user }),
      });
  }
}
