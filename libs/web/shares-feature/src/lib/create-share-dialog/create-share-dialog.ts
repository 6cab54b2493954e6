import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { CreatedShareLinkResponse, ShareFieldSet, ShareFilters, ShareLinkResponse, ShareResource } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { SharesApi } from '@model-inventory/web-shares-data-access';
import { SecretShownOnce } from '@model-inventory/web-shared-ui';
import { describeShareFilters, resourceLabel, shareableFilters } from '../share-filters';

export interface CreateShareDialogData {
  resource: ShareResource;
  /** The tab's current filters and sort, as its list request sends them (without paging). */
  filters: ShareFilters;
}

/** The last moment of the chosen day, in the user's time zone: a link "until 31 Dec" works all that day. */
export function endOfDay(date: Date): string {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 23, 59, 59).toISOString();
}

/**
 * Creates a read-only share link of the tab's current view, then shows its address once with a copy button.
 * Closes with the link (without its token), or nothing when cancelled.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButton,
    MatCheckbox,
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    MatSuffix,
    ReactiveFormsModule,
    SecretShownOnce,
  ],
  providers: [provideNativeDateAdapter()],
  selector: 'mi-create-share-dialog',
  styleUrl: './create-share-dialog.scss',
  templateUrl: './create-share-dialog.html',
})
export class CreateShareDialog {
  private readonly api = inject(SharesApi);
  private readonly dialogRef = inject<MatDialogRef<CreateShareDialog, ShareLinkResponse>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly data = inject<CreateShareDialogData>(MAT_DIALOG_DATA);
  private readonly shared = shareableFilters(this.data.resource, this.data.filters);

  protected readonly resource = resourceLabel(this.data.resource);
  protected readonly filterTexts = describeShareFilters(this.shared.filters);
  protected readonly filterNote = this.shared.note;
  /** Tomorrow at the earliest: the server refuses an expiry in the past. */
  protected readonly minExpiry = new Date(new Date().setHours(24, 0, 0, 0));

  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly created = signal<CreatedShareLinkResponse | null>(null);
  protected readonly title = computed(() => (this.created() ? 'Copy your share link' : `Share the ${this.resource.toLowerCase()}`));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    allowExport: [false],
    expiresOn: [null as Date | null],
    fields: ['summary' as ShareFieldSet],
  });

  protected create(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    const { allowExport, expiresOn, fields } = this.form.getRawValue();
    this.api
      .create({
        allow_export: allowExport,
        expires_at: expiresOn ? endOfDay(expiresOn) : null,
        fields,
        filters: this.shared.filters,
        resource: this.data.resource,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(`The link could not be created. ${describeHttpError(error)}`);
        },
        next: (link) => {
          this.saving.set(false);
          this.created.set(link);
        },
      });
  }

  /** Closes with the link's description; its address stays nowhere but on the user's clipboard. */
  protected done(): void {
    const created = this.created();
    if (created) {
      const { token: _token, url: _url, ...described } = created;
      this.dialogRef.close(described);
    } else {
      this.dialogRef.close();
    }
  }
}
