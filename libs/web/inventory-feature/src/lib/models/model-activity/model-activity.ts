import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ChangeHistoryEntry } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { ModelInventoryApi } from '@model-inventory/web-inventory-data-access';
import { StatusChip } from '../status-chip/status-chip';
import { LinkLookup, relativeTime, toActivityEvents } from './activity-format';

export const ACTIVITY_PAGE_SIZE = 20;

/** Who changed what, from what to what, and when: the model's change history, newest first. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatProgressBar, StatusChip],
  selector: 'mi-model-activity',
  styleUrl: './model-activity.scss',
  templateUrl: './model-activity.html',
})
export class ModelActivity implements OnInit {
  private readonly api = inject(ModelInventoryApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly modelId = input.required<number>();
  readonly links = input<LinkLookup>({ frameworks: new Map(), projects: new Map() });

  private readonly entries = signal<ChangeHistoryEntry[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly events = computed(() => toActivityEvents(this.entries(), this.links()));
  protected readonly hasMore = computed(() => this.entries().length < this.total());
  protected readonly remaining = computed(() => this.total() - this.entries().length);

  ngOnInit(): void {
    this.loadMore();
  }

  protected loadMore(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .history(this.modelId(), { limit: ACTIVITY_PAGE_SIZE, offset: this.entries().length })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(describeHttpError(error));
        },
        next: (page) => {
          this.loading.set(false);
          this.entries.update((entries) => [...entries, ...page.items]);
          this.total.set(page.total);
        },
      });
  }

  protected ago(iso: string): string {
    return relativeTime(iso);
  }

  protected initials(name: string): string {
    return name
      .split(/[\s@.]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0].toUpperCase())
      .join('');
  }
}
