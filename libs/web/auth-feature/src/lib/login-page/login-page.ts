import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm, AuthApi, AuthStore } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';
import { emailValidators } from '../auth-form-fields/account-validators';
import { AuthFormError } from '../auth-form-fields/auth-form-error';
import { EmailField } from '../auth-form-fields/email-field';
import { PasswordField } from '../auth-form-fields/password-field';
import { safeReturnUrl } from '../return-url';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    AuthFormError,
    EmailField,
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatProgressSpinner,
    PasswordField,
    ReactiveFormsModule,
    RouterLink,
  ],
  selector: 'mi-login-page',
  styleUrl: './login-page.scss',
  templateUrl: './login-page.html',
})
export class LoginPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  /** Bound from the `returnUrl` query parameter. */
  readonly returnUrl = input<string>();

  protected readonly signupLink = `/${WebRoutes.signup}`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', emailValidators],
    password: ['', Validators.required],
  });
  protected readonly formError = signal<string | null>(null);
  protected readonly submitting = signal(false);
  protected readonly signupEnabled = toSignal(
    inject(AuthApi)
      .settings()
      .pipe(
        map((settings) => settings.signup_enabled),
        catchError(() => of(false)),
      ),
    { initialValue: false },
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    try {
      await this.auth.login(this.form.getRawValue());
      await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.formError.set(applyProblemToForm(this.form, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
