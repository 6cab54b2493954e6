import { DatePipe, KeyValuePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { MlflowModelRecordResponse, WebRoutes } from '@model-inventory/contracts';

export interface MlflowRecordDetailData {
  record: MlflowModelRecordResponse;
  canImport: boolean;
  /** Opens the import dialog; resolves to the record as imported, or null when cancelled. */
  importRecord: (record: MlflowModelRecordResponse) => Promise<MlflowModelRecordResponse | null>;
}

/** One synced model version in a side panel: what MLflow knows of it, and where it is in the register. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, KeyValuePipe, MatButton, MatDialogClose, MatDialogContent, MatDialogTitle, MatIcon, MatIconButton, RouterLink],
  selector: 'mi-mlflow-record-detail',
  styleUrl: './mlflow-record-detail.scss',
  templateUrl: './mlflow-record-detail.html',
})
export class MlflowRecordDetail {
  private readonly data = inject<MlflowRecordDetailData>(MAT_DIALOG_DATA);

  protected readonly record = signal(this.data.record);
  protected readonly canImport = this.data.canImport;
  protected readonly importing = signal(false);
  protected readonly modelLink = computed(() => {
    const id = this.record().inventory_model_id;
    return id ? ['/', WebRoutes.modelInventory, 'models', id] : null;
  });
  protected readonly sections = computed(() => {
    const record = this.record();
    return [
      { empty: 'No metrics', entries: record.metrics, testId: 'metrics', title: 'Metrics' },
      { empty: 'No parameters', entries: record.parameters, testId: 'parameters', title: 'Parameters' },
      { empty: 'No version tags', entries: record.tags, testId: 'tags', title: 'Version tags' },
      { empty: 'No model tags', entries: record.model_tags, testId: 'model-tags', title: 'Model tags' },
    ].map((section) => ({ ...section, count: Object.keys(section.entries).length }));
  });

  protected async addToInventory(): Promise<void> {
    this.importing.set(true);
    const imported = await this.data.importRecord(this.record());
    this.importing.set(false);
    if (imported) this.record.set(imported);
  }
}
