import { DatePipe, DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { INVITATION_TTL_DAYS, IssuedInvitationResponse, Role } from '@model-inventory/contracts';
import { applyProblemToForm, problemOf } from '@model-inventory/web-core';
import { CopyButton } from '@model-inventory/web-shared-ui';
import { UsersApi } from '@model-inventory/web-users-data-access';
import { ROLE_OPTIONS } from '../user-roles';

/** Invites someone by e-mail: issues a one-time link and shows it once, to copy and send. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    CopyButton,
    DatePipe,
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
  selector: 'mi-invite-dialog',
  styleUrl: './invite-dialog.scss',
  templateUrl: './invite-dialog.html',
})
export class InviteDialog {
  private readonly api = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly origin = inject(DOCUMENT).location.origin;

  protected readonly roles = ROLE_OPTIONS;
  protected readonly ttlDays = INVITATION_TTL_DAYS;
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly issued = signal<(IssuedInvitationResponse & { link: string }) | null>(null);
  // Least rights unless the Admin chooses more.
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    role: [Role.Auditor, Validators.required],
  });

  protected emailError(): string {
    const errors = this.form.controls.email.errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return 'Email is required.';
    if (errors['email']) return 'Enter an e-mail address, e.g. jane.doe@company.com.';
    return 'Email must be at most 254 characters.';
  }

  protected send(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const value = this.form.getRawValue();
    this.api
      .invite({ ...value, email: value.email.trim() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          if (problemOf(error)?.status === 409 && !problemOf(error)?.errors?.length) {
            this.form.controls.email.setErrors({ server: this.formError() ?? 'This e-mail already has an account.' });
            this.form.controls.email.markAsTouched();
            this.formError.set(null);
          }
        },
        next: (invitation) => {
          this.saving.set(false);
          this.issued.set({ ...invitation, link: `${this.origin}${invitation.accept_path}` });
        },
      });
  }
}
