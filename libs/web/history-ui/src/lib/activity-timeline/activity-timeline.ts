import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, contentChild, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { relativeTime, toActivityEvents } from '../activity-format';
import { ChangeHistoryLoader, ChangeRow, HistoryVocabulary, LinkedNames } from '../history-vocabulary';
import { ActivityChip } from './activity-chip';

export const ACTIVITY_PAGE_SIZE = 20;

/**
 * Who changed what, from what to what, and when: an entity's change history, newest first, a page at a time
 * ("Load more"). The entity comes in through `load` and `vocabulary`; the timeline knows no domain.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatButton, MatProgressBar, NgTemplateOutlet],
  selector: 'mi-activity-timeline',
  styleUrl: './activity-timeline.scss',
  templateUrl: './activity-timeline.html',
})
export class ActivityTimeline implements OnInit {
  private readonly destroyRef = inject(DestroyRef);

  readonly load = input.required<ChangeHistoryLoader>();
  readonly vocabulary = input.required<HistoryVocabulary>();
  /** The sentence shown when a page fails to load (the console's `describeHttpError`). */
  readonly describeError = input.required<(error: unknown) => string>();
  readonly links = input<LinkedNames>({});

  protected readonly chip = contentChild(ActivityChip);

  private readonly entries = signal<ChangeRow[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly events = computed(() => toActivityEvents(this.entries(), this.vocabulary(), this.links()));
  protected readonly hasMore = computed(() => this.entries().length < this.total());
  protected readonly remaining = computed(() => this.total() - this.entries().length);

  ngOnInit(): void {
    this.loadMore();
  }

  protected loadMore(): void {
    this.loading.set(true);
    this.error.set(null);
    this.load()({ limit: ACTIVITY_PAGE_SIZE, offset: this.entries().length })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.loading.set(false);
          this.error.set(this.describeError()(error));
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
