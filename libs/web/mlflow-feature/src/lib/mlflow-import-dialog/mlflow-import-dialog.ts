import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { MlflowModelRecordResponse, WebRoutes } from '@model-inventory/contracts';
import { applyProblemToForm } from '@model-inventory/web-core';
import { MlflowApi } from '@model-inventory/web-mlflow-data-access';
import { fieldError } from '../mlflow-connection-form/field-error';
import { tagFor, toImportRequest } from './import-request';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Adds a synced version to the register as a Pending model: asks for what MLflow cannot tell (approver, status
 * date, hosting), and for capabilities, biases and limitations unless an MLflow tag supplies them. Then shows a link
 * to the new model and closes with the record, now linked.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatError, MatFormField, MatHint, MatIcon, MatInput, MatLabel, ReactiveFormsModule, RouterLink],
  selector: 'mi-mlflow-import-dialog',
  styleUrl: './mlflow-import-dialog.scss',
  templateUrl: './mlflow-import-dialog.html',
})
export class MlflowImportDialog {
  private readonly api = inject(MlflowApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef = inject<MatDialogRef<MlflowImportDialog, MlflowModelRecordResponse>>(MatDialogRef);
  protected readonly record = inject<MlflowModelRecordResponse>(MAT_DIALOG_DATA);

  protected readonly tags = {
    biases: tagFor(this.record, 'biases'),
    capabilities: tagFor(this.record, 'capabilities'),
    limitations: tagFor(this.record, 'limitations'),
  };
  private readonly requiredUnlessTagged = (tag: string | null): ValidatorFn[] => (tag === null ? [Validators.required] : []);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    approver: ['', [Validators.required, Validators.email]],
    biases: ['', this.requiredUnlessTagged(this.tags.biases)],
    capabilities: ['', this.requiredUnlessTagged(this.tags.capabilities)],
    hosting_provider: ['', Validators.required],
    limitations: ['', this.requiredUnlessTagged(this.tags.limitations)],
    status_date: [today(), Validators.required],
  });
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly imported = signal<MlflowModelRecordResponse | null>(null);
  protected readonly modelLink = computed(() => ['/', WebRoutes.modelInventory, 'models', this.imported()?.inventory_model_id]);
  private readonly errorsChanged = signal(0);
  protected readonly errors = computed(() => {
    this.errorsChanged();
    const { controls } = this.form;
    return {
      approver: fieldError(controls.approver.errors, 'Approver', 'an e-mail address'),
      biases: fieldError(controls.biases.errors, 'Biases'),
      capabilities: fieldError(controls.capabilities.errors, 'Capabilities'),
      hosting_provider: fieldError(controls.hosting_provider.errors, 'Hosting provider'),
      limitations: fieldError(controls.limitations.errors, 'Limitations'),
      status_date: fieldError(controls.status_date.errors, 'Status date', 'a date'),
    };
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
    this.api
      .import(this.record.id, toImportRequest(this.form.getRawValue()))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.saving.set(false);
          this.formError.set(applyProblemToForm(this.form, error));
          this.errorsChanged.update((n) => n + 1);
        },
        next: (record) => {
          this.saving.set(false);
          this.imported.set(record);
        },
      });
  }

  protected done(): void {
    this.dialogRef.close(this.imported() ?? undefined);
  }
}
