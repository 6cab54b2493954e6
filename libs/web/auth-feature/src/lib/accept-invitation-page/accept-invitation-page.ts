import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { InvitationPreviewResponse, WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm, AuthApi, AuthStore } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';
import { nameValidators, newPasswordValidators } from '../auth-form-fields/account-validators';
import { AuthFormError } from '../auth-form-fields/auth-form-error';
import { NameField } from '../auth-form-fields/name-field';
import { PasswordField } from '../auth-form-fields/password-field';

type InvitationState = { status: 'checking' } | { status: 'unusable' } | { status: 'open'; invitation: InvitationPreviewResponse };

/** The token travels in the link's fragment (`#token=…`), which browsers never send to a server. */
export function tokenFromFragment(fragment: string | null): string | null {
  return new URLSearchParams(fragment ?? '').get('token') || null;
}

/** `/accept-invitation#token=…`: the invitee chooses a name and password, joins the organisation and is signed in. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AuthFormError,
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatProgressSpinner,
    NameField,
    PasswordField,
    ReactiveFormsModule,
    RouterLink,
  ],
  selector: 'mi-accept-invitation-page',
  styleUrl: '../signup-page/signup-page.scss',
  templateUrl: './accept-invitation-page.html',
})
export class AcceptInvitationPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly token = tokenFromFragment(inject(ActivatedRoute).snapshot.fragment);

  protected readonly loginLink = `/${WebRoutes.login}`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', nameValidators],
    password: ['', newPasswordValidators],
  });
  protected readonly formError = signal<string | null>(null);
  protected readonly submitting = signal(false);
  protected readonly state = toSignal(
    this.token
      ? inject(AuthApi)
          .previewInvitation(this.token)
          .pipe(
            map((invitation): InvitationState => ({ invitation, status: 'open' })),
            catchError(() => of<InvitationState>({ status: 'unusable' })),
          )
      : of<InvitationState>({ status: 'unusable' }),
    { initialValue: { status: 'checking' } as InvitationState },
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.submitting() || !this.token) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    try {
      await this.auth.acceptInvitation({ ...this.form.getRawValue(), token: this.token });
      await this.router.navigate(['/', WebRoutes.modelInventory]);
    } catch (error) {
      this.formError.set(applyProblemToForm(this.form, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
