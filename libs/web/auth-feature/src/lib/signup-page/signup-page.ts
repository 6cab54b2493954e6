import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm, AuthApi, AuthStore } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';
import { emailValidators, nameValidators, newPasswordValidators } from '../auth-form-fields/account-validators';
import { AuthFormError } from '../auth-form-fields/auth-form-error';
import { EmailField } from '../auth-form-fields/email-field';
import { NameField } from '../auth-form-fields/name-field';
import { PasswordField } from '../auth-form-fields/password-field';

type SignupAvailability = 'checking' | 'open' | 'closed';

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
    NameField,
    PasswordField,
    ReactiveFormsModule,
    RouterLink,
  ],
  selector: 'mi-signup-page',
  styleUrl: './signup-page.scss',
  templateUrl: './signup-page.html',
})
export class SignupPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly loginLink = `/${WebRoutes.login}`;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organization_name: ['', nameValidators],
    name: ['', nameValidators],
    email: ['', emailValidators],
    password: ['', newPasswordValidators],
  });
  protected readonly formError = signal<string | null>(null);
  protected readonly submitting = signal(false);
  // If the settings cannot be read, the form stays usable and the server has the final word.
  protected readonly availability = toSignal(
    inject(AuthApi)
      .settings()
      .pipe(
        map((settings): SignupAvailability => (settings.signup_enabled ? 'open' : 'closed')),
        catchError(() => of<SignupAvailability>('open')),
      ),
    { initialValue: 'checking' },
  );

  protected async submit(): Promise<void> {
    if (this.form.invalid || this.submitting()) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    this.formError.set(null);
    try {
      await this.auth.register(this.form.getRawValue());
      await this.router.navigate(['/', WebRoutes.modelInventory]);
    } catch (error) {
      this.formError.set(applyProblemToForm(this.form, error));
    } finally {
      this.submitting.set(false);
    }
  }
}
