import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RISK_BATCH_MAX } from '@model-inventory/contracts';
import { describeHttpError, problemOf, saveBlob } from '@model-inventory/web-core';
import { importErrorLine, readRiskImport, RISK_IMPORT_TEMPLATE_HEADER, RiskImport, RisksApi } from '@model-inventory/web-risks-data-access';

export interface RiskImportDialogData {
  /** The model the list is filtered by: lines of the file without a model get it. */
  modelId: number | null;
}

/** How many risks were raised; nothing when the dialog was closed without importing. */
export type RiskImportResult = number | undefined;

const PREVIEW_ROWS = 8;

/** Raises up to 100 risks from a CSV file, all or none, with the API's refusals shown by the file's line. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle, MatIcon, MatProgressBar],
  selector: 'mi-risk-import-dialog',
  styleUrl: './risk-import-dialog.scss',
  templateUrl: './risk-import-dialog.html',
})
export class RiskImportDialog {
  private readonly api = inject(RisksApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly dialogRef = inject<MatDialogRef<RiskImportDialog, RiskImportResult>>(MatDialogRef);
  protected readonly data = inject<RiskImportDialogData>(MAT_DIALOG_DATA);

  protected readonly max = RISK_BATCH_MAX;
  protected readonly previewRows = PREVIEW_ROWS;
  protected readonly fileName = signal<string | null>(null);
  protected readonly read = signal<RiskImport | null>(null);
  protected readonly importing = signal(false);
  /** The API's refusal: its summary and each bad field by the file's line. */
  protected readonly refusal = signal<{ summary: string; errors: Array<{ line: number | null; field: string; message: string }> } | null>(null);

  protected async onPicked(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.refusal.set(null);
    this.fileName.set(file.name);
    this.read.set(readRiskImport(await file.text(), this.data.modelId));
  }

  protected downloadTemplate(): void {
    saveBlob(new Blob([`${RISK_IMPORT_TEMPLATE_HEADER.join(',')}\r\n`], { type: 'text/csv' }), 'model-risks-template.csv');
  }

  protected import(): void {
    const read = this.read();
    if (!read || read.problems.length) return;
    this.importing.set(true);
    this.refusal.set(null);
    this.api
      .createMany(read.risks.map((risk) => risk.request))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.importing.set(false);
          const errors = (problemOf(error)?.errors ?? []).map(({ field, message }) => ({ ...importErrorLine(field, read.risks), message }));
          this.refusal.set({ errors, summary: `Nothing was imported. ${describeHttpError(error)}` });
        },
        next: (risks) => this.dialogRef.close(risks.length),
      });
  }
}

export function openRiskImportDialog(dialog: MatDialog, data: RiskImportDialogData): MatDialogRef<RiskImportDialog, RiskImportResult> {
  return dialog.open<RiskImportDialog, RiskImportDialogData, RiskImportResult>(RiskImportDialog, {
    ariaLabel: 'Import risks',
    autoFocus: 'dialog',
    data,
    maxHeight: '92vh',
    maxWidth: '96vw',
    width: '760px',
  });
}
