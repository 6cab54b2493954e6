import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import {
  ModelInventoryListQuery,
  ModelInventoryResponse,
  ModelStatus,
  Page,
} from '@model-inventory/contracts';
import { AuthStore, describeHttpError } from '@model-inventory/web-core';
import { catchError, combineLatest, distinctUntilChanged, map, Observable, of, startWith, Subject, switchMap, tap } from 'rxjs';
import { ModelInventoryApi } from './model-inventory-api';
import { ModelListPrefetch } from './model-list-prefetch';
import {
  hasActiveFilters,
  MODEL_STATUSES,
  ModelGrouping,
  ModelListFilters,
  ModelListSort,
  ModelListView,
  toFilterQuery,
  toListQuery,
  viewFromQueryParams,
  viewToQueryParams,
} from './model-list-view';

type Loadable<T> = { status: 'loading'; value: T | null } | { status: 'ready'; value: T } | { status: 'error'; value: T | null; error: string };

export type StatusCounts = Readonly<Record<ModelStatus, number>>;

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of the Models tab. The URL is the single source of truth for the view (filters, search,
 * sort, page, grouping): the store reads it from the query parameters and changes it by navigating,
 * so views can be shared and the browser's Back button works. Provide it on the page component.
 */
@Injectable()
export class ModelListStore {
  private readonly api = inject(ModelInventoryApi);
  private readonly prefetch = inject(ModelListPrefetch);
  private readonly auth = inject(AuthStore);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly reloads = new Subject<void>();

  private readonly queryParams = toSignal(this.route.queryParams, { requireSync: true });

  /** The view described by the URL. */
  readonly view = computed(() => viewFromQueryParams(this.queryParams()), { equal: sameJson });
  readonly filters = computed(() => this.view().filters, { equal: sameJson });
  readonly sort = computed(() => this.view().sort, { equal: sameJson });
  readonly groupBy = computed(() => this.view().groupBy);
  readonly hasActiveFilters = computed(() => hasActiveFilters(this.filters()));
  /** What the list request asks the API for. */
  readonly listQuery = computed<ModelInventoryListQuery>(() => toListQuery(this.view()), { equal: sameJson });
  /** The current filters and sort without paging, as exports take them. */
  readonly filterQuery = computed(() => toFilterQuery(this.filters(), this.sort()), { equal: sameJson });

  private readonly pageState = signal<Loadable<Page<ModelInventoryResponse>>>({ status: 'loading', value: null });
  private readonly countsState = signal<Loadable<StatusCounts>>({ status: 'loading', value: null });
  private readonly demoState = signal(0);
  private readonly reloadCountState = signal(0);

  /** The last page received; kept while the next one loads so the table does not flash empty. */
  readonly page = computed(() => this.pageState().value);
  readonly items = computed(() => this.page()?.items ?? []);
  readonly total = computed(() => this.page()?.total ?? 0);
  readonly loading = computed(() => this.pageState().status === 'loading');
  readonly error = computed(() => {
    const state = this.pageState();
    return state.status === 'error' ? state.error : null;
  });
  /** Live number of models per status, across the whole register (demo models included). */
  readonly counts = computed(() => this.countsState().value);
  readonly countsError = computed(() => this.countsState().status === 'error');
  readonly totalCount = computed(() => {
    const counts = this.counts();
    return counts ? MODEL_STATUSES.reduce((sum, status) => sum + counts[status], 0) : null;
  });
  /** How many demo models the organisation has; only kept for admins, who may clear them. */
  readonly demoModelCount = this.demoState.asReadonly();
  /** Increases on every `reload()`, for views that must refresh along with the list (e.g. charts). */
  readonly reloadCount = this.reloadCountState.asReadonly();

  constructor() {
    const reloads = this.reloads.pipe(startWith(undefined));
    // From the route rather than from `listQuery`, whose observable would first emit during the page's first change
    // detection: the first page is then asked for (or taken from the prefetch) while the page is being created.
    const listQueries = this.route.queryParams.pipe(
      map((params) => toListQuery(viewFromQueryParams(params))),
      distinctUntilChanged(sameJson),
    );
    this.follow(
      combineLatest([listQueries, reloads]).pipe(
        switchMap(([query]) => this.load(this.prefetch.takePage(query) ?? this.api.list(query), this.pageState().value)),
      ),
      this.pageState,
    );
    // One request gives the cards and the demo banner their numbers.
    this.follow(
      reloads.pipe(
        switchMap(() =>
          this.load(
            (this.prefetch.takeCounts() ?? this.api.currentCounts('status')).pipe(
              tap((response) => this.demoState.set(this.auth.isAdmin() ? response.demo_models : 0)),
              map((response) => countsOf(response.counts)),
            ),
            this.countsState().value,
          ),
        ),
      ),
      this.countsState,
    );
  }

  /** Applies filter changes and goes back to the first page. */
  setFilters(changes: Partial<ModelListFilters>): void {
    const view = this.view();
    this.navigate({ ...view, filters: { ...view.filters, ...changes }, pageIndex: 0 });
  }

  clearFilters(): void {
    const view = this.view();
    this.navigate({ ...view, filters: viewFromQueryParams({}).filters, pageIndex: 0 });
  }

  /** Shows only models of one status; `null` shows every status. */
  filterByStatus(status: ModelStatus | null): void {
    this.setFilters({ status: status ? [status] : [] });
  }

  setSort(sort: ModelListSort | null): void {
    this.navigate({ ...this.view(), pageIndex: 0, sort });
  }

  setPage(pageIndex: number, pageSize: number): void {
    const view = this.view();
    this.navigate({ ...view, pageIndex: pageSize === view.pageSize ? pageIndex : 0, pageSize });
  }

  setGroupBy(groupBy: ModelGrouping): void {
    this.navigate({ ...this.view(), groupBy });
  }

  /** Fetches the page and the counts again, e.g. after a model was saved or deleted. */
  reload(): void {
    this.reloadCountState.update((count) => count + 1);
    this.reloads.next();
  }

  /** Query parameters for links that must keep the current view, e.g. the dialog routes. */
  queryParamsOf(view: ModelListView = this.view()) {
    return viewToQueryParams(view);
  }

  private navigate(view: ModelListView): void {
    void this.router.navigate([], { queryParams: viewToQueryParams(view), relativeTo: this.route });
  }

  private load<T>(request: Observable<T>, previous: T | null): Observable<Loadable<T>> {
    return request.pipe(
      map((value): Loadable<T> => ({ status: 'ready', value })),
      catchError((error: unknown) => of<Loadable<T>>({ error: describeHttpError(error), status: 'error', value: previous })),
      startWith<Loadable<T>>({ status: 'loading', value: previous }),
    );
  }

  private follow<T>(source: Observable<Loadable<T>>, target: { set(value: Loadable<T>): void }): void {
    source.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((state) => target.set(state));
  }
}

function countsOf(raw: Record<string, number>): StatusCounts {
  return Object.fromEntries(MODEL_STATUSES.map((status) => [status, Number(raw[status] ?? 0)])) as StatusCounts;
}
