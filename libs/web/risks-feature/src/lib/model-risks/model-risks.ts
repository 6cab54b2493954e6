import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ModelRiskResponse, OPEN_RISK_STATUSES, Page, WebRoutes, WRITER_ROLES } from '@model-inventory/contracts';
import { AuthStore, describeHttpError } from '@model-inventory/web-core';
import { RisksApi } from '@model-inventory/web-risks-data-access';
import { openRiskDialog } from '../risk-dialog/open-risk-dialog';
import { RiskColumn, RisksTable } from '../risks-table/risks-table';

/** How many of a model's risks the model dialog lists; the Risks tab has them all. */
export const MODEL_RISKS_SHOWN = 50;

/**
 * A model's risks, for the model dialog's Risks tab: a small table (most severe first), "Add risk" raising one
 * against the model, and a link to the Risks tab filtered by the model. Risks open in the risk dialog over the model
 * dialog; `changed` is called after any of them was saved, so the host can refresh its counts.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, MatIcon, MatProgressBar, RisksTable, RouterLink],
  selector: 'mi-model-risks',
  styleUrl: './model-risks.scss',
  templateUrl: './model-risks.html',
})
export class ModelRisks implements OnInit {
  private readonly api = inject(RisksApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  readonly modelId = input.required<number>();
  /** Called after a risk of the model was raised, changed, deleted or restored. */
  readonly changed = input<() => void>(() => undefined);

  protected readonly columns: readonly RiskColumn[] = ['risk_name', 'risk_level', 'status', 'owner', 'target_date'];
  protected readonly page = signal<Page<ModelRiskResponse> | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && WRITER_ROLES.includes(role);
  });
  protected readonly openCount = computed(
    () => this.page()?.items.filter((risk) => OPEN_RISK_STATUSES.includes(risk.status)).length ?? 0,
  );
  protected readonly risksLink = ['/', WebRoutes.modelInventory, 'risks'];

  ngOnInit(): void {
    this.load();
  }

  protected addRisk(): void {
    this.openDialog(null);
  }

  protected openRisk(risk: ModelRiskResponse): void {
    this.openDialog(risk.id);
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .list({ limit: MODEL_RISKS_SHOWN, model_id: this.modelId(), sort: 'risk_level:desc' })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(describeHttpError(error));
        },
        next: (page) => {
          this.loading.set(false);
          this.page.set(page);
        },
      });
  }

  private openDialog(id: number | null): void {
    openRiskDialog(this.dialog, { id, modelId: this.modelId() }, { closeOnNavigation: true })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((result) => {
        if (result) {
          this.load();
          this.changed()();
        }
      });
  }
}
