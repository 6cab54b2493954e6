import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, InjectionToken, input, OnInit, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MlflowConfigResponse, MlflowSyncStatusResponse, MlflowTestResponse } from '@model-inventory/contracts';
import { describeHttpError, problemOf } from '@model-inventory/web-core';
import { MlflowApi } from '@model-inventory/web-mlflow-data-access';
import { interval, startWith, Subscription, switchMap, takeWhile } from 'rxjs';
import { syncProgressPercent, SYNC_STATUS_LABELS } from './sync-progress';

/** How often a queued or running sync's status is read. */
export const MLFLOW_SYNC_POLL_MS = new InjectionToken<number>('MLFLOW_SYNC_POLL_MS', { factory: () => 1000 });

/** The connection test and the sync: the last result of each, "Test connection", "Sync now" with live progress. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, DecimalPipe, MatButton, MatIcon, MatProgressBar],
  selector: 'mi-mlflow-sync-panel',
  styleUrl: './mlflow-sync-panel.scss',
  templateUrl: './mlflow-sync-panel.html',
})
export class MlflowSyncPanel implements OnInit {
  private readonly api = inject(MlflowApi);
  private readonly destroyRef = inject(DestroyRef);
  private readonly pollMs = inject(MLFLOW_SYNC_POLL_MS);
  private polling?: Subscription;

  readonly config = input.required<MlflowConfigResponse>();
  readonly canSync = input(false);
  /** The test's or the sync's outcome was stored on the connection: the page reloads it. */
  readonly changed = output<void>();

  protected readonly testing = signal(false);
  protected readonly testResult = signal<(MlflowTestResponse & { at: Date }) | null>(null);
  protected readonly status = signal<MlflowSyncStatusResponse | null>(null);
  protected readonly syncError = signal<string | null>(null);
  protected readonly starting = signal(false);
  protected readonly running = computed(() => this.starting() || (this.status()?.state ?? 'idle') !== 'idle');
  protected readonly percent = computed(() => syncProgressPercent(this.status(), this.config().last_sync_counts));
  protected readonly statusLabels = SYNC_STATUS_LABELS;

  ngOnInit(): void {
    this.poll();
  }

  protected test(): void {
    this.testing.set(true);
    this.api
      .test()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => this.testing.set(false),
        next: (result) => {
          this.testing.set(false);
          this.testResult.set({ ...result, at: new Date() });
          this.changed.emit();
        },
      });
  }

  protected sync(): void {
    this.starting.set(true);
    this.syncError.set(null);
    this.api
      .sync()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.starting.set(false);
          this.syncError.set(problemOf(error)?.detail || describeHttpError(error));
        },
        next: () => {
          this.starting.set(false);
          this.poll();
        },
      });
  }

  /** Reads the sync status until no sync is queued or running; then the page reloads the stored outcome. */
  private poll(): void {
    this.polling?.unsubscribe();
    let wasBusy = false;
    this.polling = interval(this.pollMs)
      .pipe(
        startWith(0),
        switchMap(() => this.api.syncStatus()),
        takeWhile((status) => status.state !== 'idle', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((status) => {
        this.status.set(status);
        if (status.state !== 'idle') wasBusy = true;
        else if (wasBusy) this.changed.emit();
      });
  }
}
