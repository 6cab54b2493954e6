import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EvidenceResponse, Page, WebRoutes } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { EvidenceApi } from '@model-inventory/web-evidence-data-access';
import { EvidenceActions } from '../evidence-actions';
import { EvidenceColumn, EvidenceTable } from '../evidence-table/evidence-table';
import { EvidenceUpload } from '../evidence-upload/evidence-upload';

/** How many of a model's files the dialog lists; the Evidence hub has them all. */
export const MODEL_EVIDENCE_SHOWN = 100;

/**
 * A model's evidence, for the model dialog's Evidence tab: its live files (download; remove for writers) and, for
 * writers, the upload area. `changed` is called after a file was added or removed.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EvidenceTable, EvidenceUpload, MatButton, MatIcon, MatProgressBar, RouterLink],
  selector: 'mi-model-evidence',
  styleUrl: './model-evidence.scss',
  templateUrl: './model-evidence.html',
})
export class ModelEvidence implements OnInit {
  private readonly api = inject(EvidenceApi);
  private readonly actions = inject(EvidenceActions);
  private readonly destroyRef = inject(DestroyRef);

  readonly modelId = input.required<number>();
  readonly changed = input<() => void>(() => undefined);

  protected readonly canWrite = this.actions.canWrite;
  protected readonly columns: readonly EvidenceColumn[] = ['filename', 'size', 'uploaded', 'expiry_date', 'actions'];
  protected readonly page = signal<Page<EvidenceResponse> | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly hubLink = ['/', WebRoutes.modelInventory, 'evidence'];

  ngOnInit(): void {
    this.load();
  }

  protected download(evidence: EvidenceResponse): void {
    this.actions.download(evidence);
  }

  protected remove(evidence: EvidenceResponse): void {
    this.actions
      .remove(evidence)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((removed) => removed && this.afterChange());
  }

  protected afterChange(): void {
    this.changed()();
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list({ limit: MODEL_EVIDENCE_SHOWN, model_id: this.modelId(), sort: 'upload_date:desc' })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(describeHttpError(error));
        },
        next: (page) => {
          this.loading.set(false);
          this.error.set(null);
          this.page.set(page);
        },
      });
  }
}
