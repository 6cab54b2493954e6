import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { InvitationPreviewResponse, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm, AuthApi, AuthStore } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';

type InvitationState = { status: 'checking' } | { status: 'unusable' } | { status: 'open'; invitation: InvitationPreviewResponse };

/** The token travels in the link's fragment (`#token=…`), which browsers never send to a server. */
export function tokenFromFragment(fragment: string | null): string | null {
  return new URLSearchParams(fragment ?? '').get('token') || null;
}

/** `/accept-invitation#token=…`: the invitee chooses a name and password, joins the organisation and is signed in. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatProgressSpinner,
    MatSuffix,
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
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly formError = signal<string | null>(null);
  protected readonly hidePassword = signal(true);
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
