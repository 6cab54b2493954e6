import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ApiTokenResponse, CreatedApiTokenResponse, Role } from '@model-inventory/contracts';
import { applyProblemToForm, AuthStore } from '@model-inventory/web-core';
import { ApiTokensApi } from '@model-inventory/web-security-data-access';
import { SecretShownOnce } from '@model-inventory/web-shared-ui';
import { expiryFrom, TOKEN_LIFETIMES, tokenRolesFor } from '../api-token-roles';

/**
 * Creates an API token, then shows it once with a copy button. Closes with the created token's description, or
 * nothing when cancelled.
 */
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
    ReactiveFormsModule,
    SecretShownOnce,
  ],
  selector: 'mi-create-api-token-dialog',
  styleUrl: './create-api-token-dialog.scss',
  templateUrl: './create-api-token-dialog.html',
})
export class CreateApiTokenDialog {
  private readonly api = inject(ApiTokensApi);
  private readonly dialogRef = inject<MatDialogRef<CreateApiTokenDialog, ApiTokenResponse>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly ownRole = inject(AuthStore).user()?.role ?? Role.Auditor;

  protected readonly roles = tokenRolesFor(this.ownRole);
  protected readonly lifetimes = TOKEN_LIFETIMES;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly created = signal<CreatedApiTokenResponse | null>(null);
  protected readonly title = computed(() => (this.created() ? 'Copy your new API token' : 'Create an API token'));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    lifetime: [TOKEN_LIFETIMES[1].days as number | null],
    name: ['', [Validators.required, Validators.maxLength(100)]],
    role: [this.ownRole, Validators.required],
  });

  protected nameError(): string {
    const errors = this.form.controls.name.errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return 'Name is required.';
    if (errors['maxlength']) return 'Name must be at most 100 characters.';
    return 'Name is not valid.';
  }

  protected create(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { lifetime, name, role } = this.form.getRawValue();
    this.api
      .create({ expires_at: expiryFrom(lifetime), name: name.trim(), role })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
        },
        next: (token) => {
          this.saving.set(false);
          this.created.set(token);
        },
      });
  }

  /** Closes with the token's description; the secret itself stays nowhere but on the user's clipboard. */
  protected done(): void {
    const created = this.created();
    if (created) {
      const { token: _secret, ...described } = created;
      this.dialogRef.close(described);
    } else {
      this.dialogRef.close();
    }
  }
}
