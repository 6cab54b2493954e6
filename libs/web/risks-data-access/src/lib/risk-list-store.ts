import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { ModelRiskLevel, ModelRiskListQuery, ModelRiskResponse, ModelRiskSummary, Page, RiskMatrix, RiskRating } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { catchError, combineLatest, EMPTY, map, Observable, of, startWith, Subject, switchMap } from 'rxjs';
import { RisksApi } from './risks-api';
import {
  DEFAULT_RISK_FILTERS,
  hasActiveFilters,
  RiskGrouping,
  RiskListFilters,
  RiskListSort,
  RiskListView,
  toFilterQuery,
  toListQuery,
  toMatrixQuery,
  viewFromQueryParams,
  viewToQueryParams,
} from './risk-list-view';

type Loadable<T> =
  | { status: 'loading'; value: T | null }
  | { status: 'ready'; value: T }
  | { status: 'error'; value: T | null; error: string };

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of the Risks tab. The URL is the single source of truth for the view (filters, search, sort, page,
 * grouping, the matrix): the store reads it from the query parameters and changes it by navigating, so views can
 * be shared and the browser's Back button works. Provide it on the page component.
 */
@Injectable()
export class RiskListStore {
  private readonly api = inject(RisksApi);
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
  readonly showMatrix = computed(() => this.view().showMatrix);
  readonly hasActiveFilters = computed(() => hasActiveFilters(this.filters()));
  /** What the list request asks the API for. */
  readonly listQuery = computed<ModelRiskListQuery>(() => toListQuery(this.view()), { equal: sameJson });
  /** The current filters and sort without paging, as the export takes them. */
  readonly filterQuery = computed(() => toFilterQuery(this.filters(), this.sort()), { equal: sameJson });
  /** The filters the matrix counts with: all but its own cell. */
  readonly matrixQuery = computed(() => toMatrixQuery(this.filters()), { equal: sameJson });
  /** The matrix request while the matrix is shown, else `null` (one signal, so a change of both asks once). */
  private readonly matrixRequest = computed(() => (this.showMatrix() ? this.matrixQuery() : null), { equal: sameJson });

  private readonly pageState = signal<Loadable<Page<ModelRiskResponse>>>({ status: 'loading', value: null });
  private readonly summaryState = signal<Loadable<ModelRiskSummary>>({ status: 'loading', value: null });
  private readonly matrixState = signal<Loadable<RiskMatrix> | null>(null);
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
  /** Active risks by level, status and category, overdue and total: the summary cards. */
  readonly summary = computed(() => this.summaryState().value);
  readonly summaryError = computed(() => this.summaryState().status === 'error');
  /** The matrix of the current filters; only fetched while it is shown. */
  readonly matrix = computed(() => this.matrixState()?.value ?? null);
  readonly matrixLoading = computed(() => this.matrixState()?.status === 'loading');
  readonly matrixError = computed(() => {
    const state = this.matrixState();
    return state?.status === 'error' ? state.error : null;
  });
  /** Increases on every `reload()`. */
  readonly reloadCount = this.reloadCountState.asReadonly();

  constructor() {
    const reloads = this.reloads.pipe(startWith(undefined));
    this.follow(
      combineLatest([toObservable(this.listQuery), reloads]).pipe(
        switchMap(([query]) => this.load(this.api.list(query), this.pageState().value)),
      ),
      this.pageState,
    );
    this.follow(
      reloads.pipe(switchMap(() => this.load(this.api.summary(), this.summaryState().value))),
      this.summaryState,
    );
    this.follow(
      combineLatest([toObservable(this.matrixRequest), reloads]).pipe(
        switchMap(([query]) => (query ? this.load(this.api.matrix(query), this.matrix()) : EMPTY)),
      ),
      this.matrixState,
    );
  }

  /** Applies filter changes and goes back to the first page. */
  setFilters(changes: Partial<RiskListFilters>): void {
    const view = this.view();
    this.navigate({ ...view, filters: { ...view.filters, ...changes }, pageIndex: 0 });
  }

  /** Every filter back to its default (active risks, nothing narrowed); sort, grouping and the matrix stay. */
  clearFilters(): void {
    this.navigate({ ...this.view(), filters: { ...DEFAULT_RISK_FILTERS }, pageIndex: 0 });
  }

  /** The summary cards: one level (`null`: every level), replacing the overdue card's filter. */
  filterByLevel(level: ModelRiskLevel | null): void {
    this.setFilters({ overdue: null, risk_level: level ? [level] : [] });
  }

  /** The Overdue card: only overdue risks, of any level. */
  filterOverdue(): void {
    this.setFilters({ overdue: true, risk_level: [] });
  }

  /** A cell of the matrix: the risks of that impact and likelihood; `null` clears the cell. */
  selectCell(cell: { impact: RiskRating; likelihood: RiskRating } | null): void {
    this.setFilters({ impact: cell?.impact ?? null, likelihood: cell?.likelihood ?? null });
  }

  setSort(sort: RiskListSort | null): void {
    this.navigate({ ...this.view(), pageIndex: 0, sort });
  }

  setPage(pageIndex: number, pageSize: number): void {
    const view = this.view();
    this.navigate({ ...view, pageIndex: pageSize === view.pageSize ? pageIndex : 0, pageSize });
  }

  setGroupBy(groupBy: RiskGrouping): void {
    this.navigate({ ...this.view(), groupBy });
  }

  setShowMatrix(showMatrix: boolean): void {
    this.navigate({ ...this.view(), showMatrix });
  }

  /** Fetches the page, the summary and (when shown) the matrix again, e.g. after a risk was saved or deleted. */
  reload(): void {
    this.reloadCountState.update((count) => count + 1);
    this.reloads.next();
  }

  /** Query parameters for links that must keep the current view, e.g. the dialog routes. */
  queryParamsOf(view: RiskListView = this.view()) {
    return viewToQueryParams(view);
  }

  private navigate(view: RiskListView): void {
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
