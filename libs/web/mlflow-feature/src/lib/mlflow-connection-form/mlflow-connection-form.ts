import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MLFLOW_TIMEOUT_SECONDS, MlflowAuthMethod, MlflowConfigRequest, MlflowConfigResponse } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { MlflowApi } from '@model-inventory/web-mlflow-data-access';
import { fieldError } from './field-error';

const { max, min } = MLFLOW_TIMEOUT_SECONDS;

/**
 * The MLflow connection settings. Control names are the API's field names, so a 400's `errors[]` lands under the
 * field it names. Secrets are never shown: a stored one is kept when its field is left blank.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatButtonToggle, MatButtonToggleGroup, MatError, MatFormField, MatHint, MatInput, MatLabel, MatSlideToggle, MatSuffix, ReactiveFormsModule],
  selector: 'mi-mlflow-connection-form',
  styleUrl: './mlflow-connection-form.scss',
  templateUrl: './mlflow-connection-form.html',
})
export class MlflowConnectionForm {
  private readonly api = inject(MlflowApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The stored settings, or null before the first save. */
  readonly config = input.required<MlflowConfigResponse | null>();
  readonly canEdit = input(false);
  readonly saved = output<MlflowConfigResponse>();

  protected readonly timeoutRange = { max, min };
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    api_token: [''],
    auth_method: ['none' as MlflowAuthMethod],
    password: [''],
    timeout: [MLFLOW_TIMEOUT_SECONDS.default as number, [Validators.required, Validators.min(min), Validators.max(max)]],
    tracking_server_url: ['', [Validators.required, Validators.pattern(/^https?:\/\/\S+$/i)]],
    username: [''],
    verify_ssl: [true],
  });
  protected readonly authMethod = toSignal(this.form.controls.auth_method.valueChanges, { initialValue: this.form.controls.auth_method.value });
  private readonly errorsChanged = signal(0);
  protected readonly errors = computed(() => {
    this.errorsChanged();
    const { controls } = this.form;
    return {
      api_token: fieldError(controls.api_token.errors, 'API token'),
      password: fieldError(controls.password.errors, 'Password'),
      timeout: fieldError(controls.timeout.errors, 'Timeout', `a whole number of seconds from ${min} to ${max}`),
      tracking_server_url: fieldError(controls.tracking_server_url.errors, 'Tracking server URL', 'an http:// or https:// address'),
      username: fieldError(controls.username.errors, 'Username'),
    };
  });

  constructor() {
    this.form.statusChanges.pipe(takeUntilDestroyed()).subscribe(() => this.errorsChanged.update((n) => n + 1));
    effect(() => this.reset(this.config()));
    effect(() => (this.canEdit() ? this.form.enable() : this.form.disable()));
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      this.errorsChanged.update((n) => n + 1);
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    this.api
      .saveConfig(this.request())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          this.errorsChanged.update((n) => n + 1);
        },
        next: (config) => {
          this.saving.set(false);
          this.saved.emit(config);
        },
      });
  }

  /** Only the fields of the chosen auth method; blank secrets are left out so the stored ones are kept. */
  private request(): MlflowConfigRequest {
    const { api_token, auth_method, password, timeout, tracking_server_url, username, verify_ssl } = this.form.getRawValue();
    const request: MlflowConfigRequest = { auth_method, timeout: Number(timeout), tracking_server_url: tracking_server_url.trim(), verify_ssl };
    if (auth_method === 'basic') {
      request.username = username.trim();
      if (password) request.password = password;
    }
    if (auth_method === 'token' && api_token) request.api_token = api_token;
    return request;
  }

  private reset(config: MlflowConfigResponse | null): void {
    this.form.reset({
      api_token: '',
      auth_method: config?.auth_method ?? 'none',
      password: '',
      timeout: config?.timeout ?? MLFLOW_TIMEOUT_SECONDS.default,
      tracking_server_url: config?.tracking_server_url ?? '',
      username: config?.username ?? '',
      verify_ssl: config?.verify_ssl ?? true,
    });
  }
}
