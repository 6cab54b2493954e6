import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardSubtitle, MatCardTitle } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm, AuthApi, AuthStore } from '@model-inventory/web-core';
import { catchError, map, of } from 'rxjs';

type SignupAvailability = 'checking' | 'open' | 'closed';

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
  selector: 'mi-signup-page',
  styleUrl: './signup-page.scss',
  templateUrl: './signup-page.html',
})
export class SignupPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  protected readonly loginLink = `/${WebRoutes.login}`;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group({
    organization_name: ['', [Validators.required, Validators.maxLength(200)]],
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
    password: [
      '',
      [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)],
    ],
  });
  protected readonly formError = signal<string | null>(null);
  protected readonly hidePassword = signal(true);
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
