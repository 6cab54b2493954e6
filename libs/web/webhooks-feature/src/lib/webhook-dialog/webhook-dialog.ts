import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { AutomationEvent, WebhookResponse } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { generateWebhookSecret, WebhooksApi } from '@model-inventory/web-webhooks-data-access';
import { SecretShownOnce } from '@model-inventory/web-shared-ui';
import { WEBHOOK_EVENTS } from '../webhook-events';

export const WEBHOOK_URL_MAX_LENGTH = 2048;
const URL_PATTERN = /^https?:\/\/\S+$/i;

export interface WebhookDialogData {
  /** The webhook to edit; none to create one. */
  webhook?: WebhookResponse;
}

/**
 * Creates a webhook (URL, events, on/off) with a secret the console generates and shows once, or edits one's URL,
 * events and state, optionally replacing its secret (shown once too). Closes with the saved webhook, never with the
 * secret.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatCheckbox,
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
    MatSlideToggle,
    ReactiveFormsModule,
    SecretShownOnce,
  ],
  selector: 'mi-webhook-dialog',
  styleUrl: './webhook-dialog.scss',
  templateUrl: './webhook-dialog.html',
})
export class WebhookDialog {
  private readonly api = inject(WebhooksApi);
  private readonly dialogRef = inject<MatDialogRef<WebhookDialog, WebhookResponse>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly editing = inject<WebhookDialogData | null>(MAT_DIALOG_DATA, { optional: true })?.webhook;

  protected readonly events = WEBHOOK_EVENTS;
  protected readonly saveLabel = this.editing ? 'Save webhook' : 'Create webhook';
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  /** The created webhook with its secret, shown this once. */
  protected readonly created = signal<{ webhook: WebhookResponse; secret: string } | null>(null);
  protected readonly title = computed(() => (this.created() ? 'Copy the signing secret' : this.editing ? 'Edit webhook' : 'Create a webhook'));
  protected readonly isEditing = !!this.editing;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    active: [this.editing?.active ?? true],
    /** Editing only: send a newly generated secret, shown once like a new webhook's. */
    replaceSecret: [false],
    events: [this.editing?.events ?? (['model_added', 'model_updated', 'model_deleted'] as AutomationEvent[]), Validators.required],
    url: [this.editing?.url ?? '', [Validators.required, Validators.maxLength(WEBHOOK_URL_MAX_LENGTH), Validators.pattern(URL_PATTERN)]],
  });
  private readonly errorsChanged = signal(0);
  protected readonly urlError = computed(() => {
    this.errorsChanged();
    const errors = this.form.controls.url.errors;
    if (!errors) return '';
    if (errors['server']) return String(errors['server']);
    if (errors['required']) return 'URL is required.';
    if (errors['maxlength']) return `URL must be at most ${WEBHOOK_URL_MAX_LENGTH} characters.`;
    return 'URL must start with http:// or https://.';
  });
  protected readonly eventsError = computed(() => {
    this.errorsChanged();
    const errors = this.form.controls.events.errors;
    if (!errors) return '';
    return errors['server'] ? String(errors['server']) : 'Choose at least one event.';
  });

  constructor() {
    this.form.statusChanges.pipe(takeUntilDestroyed()).subscribe(() => this.errorsChanged.update((n) => n + 1));
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      this.errorsChanged.update((n) => n + 1);
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { active, events, replaceSecret, url } = this.form.getRawValue();
    const secret = !this.editing || replaceSecret ? generateWebhookSecret() : null;
    const request = { active, events, url: url.trim() };
    (this.editing
      ? this.api.update(this.editing.id, secret ? { ...request, secret } : request)
      : this.api.create({ ...request, secret: secret ?? '' }))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          this.errorsChanged.update((n) => n + 1);
        },
        next: (webhook) => {
          this.saving.set(false);
          if (secret) this.created.set({ secret, webhook });
          else this.dialogRef.close(webhook);
        },
      });
  }

  /** Closes with the webhook only: the secret stays nowhere but on the user's clipboard. */
  protected done(): void {
    this.dialogRef.close(this.created()?.webhook);
  }
}
