import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { EvidenceResponse, Page } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { catchError, combineLatest, map, of, startWith, Subject, switchMap } from 'rxjs';
import { EvidenceApi } from './evidence-api';
import {
  DEFAULT_EVIDENCE_FILTERS,
  EvidenceGrouping,
  EvidenceListFilters,
  EvidenceListSort,
  EvidenceListView,
  evidenceViewFromParams,
  evidenceViewToParams,
  groupsSpanPages,
  hasActiveEvidenceFilters,
  toEvidenceListQuery,
  withGrouping,
} from './evidence-list-view';

type PageState =
  | { status: 'loading'; value: Page<EvidenceResponse> | null }
  | { status: 'ready'; value: Page<EvidenceResponse> }
  | { status: 'error'; value: Page<EvidenceResponse> | null; error: string };

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of the Evidence hub. The URL is the single source of truth for the view (filters, search, sort, grouping, page): the
 * store reads the query parameters and changes them by navigating. Provide it on the page component.
 */
@Injectable()
export class EvidenceListStore {
  private readonly api = inject(EvidenceApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly reloads = new Subject<void>();
  private readonly queryParams = toSignal(this.route.queryParams, { requireSync: true });

  readonly view = computed(() => evidenceViewFromParams(this.queryParams()), { equal: sameJson });
  readonly filters = computed(() => this.view().filters, { equal: sameJson });
  readonly sort = computed(() => this.view().sort, { equal: sameJson });
  readonly groupBy = computed(() => this.view().groupBy);
  /** Grouped by a field the page is sorted by: a group continues on the next page instead of restarting. */
  readonly groupsSpanPages = computed(() => groupsSpanPages(this.view()));
  readonly hasActiveFilters = computed(() => hasActiveEvidenceFilters(this.filters()));
  readonly listQuery = computed(() => toEvidenceListQuery(this.view()), { equal: sameJson });

  private readonly state = signal<PageState>({ status: 'loading', value: null });
  /** The last page received; kept while the next one loads so the table does not flash empty. */
  readonly page = computed(() => this.state().value);
  readonly items = computed(() => this.page()?.items ?? []);
  readonly total = computed(() => this.page()?.total ?? 0);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.error : null;
  });

  constructor() {
    combineLatest([toObservable(this.listQuery), this.reloads.pipe(startWith(undefined))])
      .pipe(
        switchMap(([query]) => {
          const previous = this.state().value;
          return this.api.list(query).pipe(
            map((value): PageState => ({ status: 'ready', value })),
            catchError((error: unknown) => of<PageState>({ error: describeHttpError(error), status: 'error', value: previous })),
            startWith<PageState>({ status: 'loading', value: previous }),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((state) => this.state.set(state));
  }

  /** Applies filter changes and goes back to the first page. */
  setFilters(changes: Partial<EvidenceListFilters>): void {
    const view = this.view();
    this.navigate({ ...view, filters: { ...view.filters, ...changes }, pageIndex: 0 });
  }

  clearFilters(): void {
    this.navigate({ ...this.view(), filters: { ...DEFAULT_EVIDENCE_FILTERS }, pageIndex: 0 });
  }

  setSort(sort: EvidenceListSort | null): void {
    this.navigate({ ...this.view(), pageIndex: 0, sort });
  }

  setGroupBy(groupBy: EvidenceGrouping): void {
    this.navigate(withGrouping(this.view(), groupBy));
  }

  setPage(pageIndex: number, pageSize: number): void {
    const view = this.view();
    this.navigate({ ...view, pageIndex: pageSize === view.pageSize ? pageIndex : 0, pageSize });
  }

  reload(): void {
    this.reloads.next();
  }

  private navigate(view: EvidenceListView): void {
    void this.router.navigate([], { queryParams: evidenceViewToParams(view), relativeTo: this.route });
  }
}
