import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { AuditEventListQuery, AuditEventResponse, Page } from '@model-inventory/contracts';
import { describeHttpError } from '@model-inventory/web-core';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { AuditEventsApi } from './audit-events-api';
import {
  hasActiveFilters,
  NO_SECURITY_LOG_FILTERS,
  SecurityLogFilters,
  SecurityLogView,
  toFilterQuery,
  toListQuery,
  viewFromQueryParams,
  viewToQueryParams,
} from './security-log-view';

type PageState =
  | { status: 'loading'; page: Page<AuditEventResponse> | null }
  | { status: 'ready'; page: Page<AuditEventResponse> }
  | { status: 'error'; page: Page<AuditEventResponse> | null; error: string };

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * State of the Security log page. The URL's query parameters are the source of truth for the view (filters and
 * page): the store reads them and changes them by navigating, so a view can be shared. Provide it on the page.
 */
@Injectable()
export class SecurityLogStore {
  private readonly api = inject(AuditEventsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  private readonly queryParams = toSignal(this.route.queryParams, { requireSync: true });
  private readonly state = signal<PageState>({ page: null, status: 'loading' });

  readonly view = computed(() => viewFromQueryParams(this.queryParams()), { equal: sameJson });
  readonly filters = computed(() => this.view().filters, { equal: sameJson });
  readonly hasActiveFilters = computed(() => hasActiveFilters(this.filters()));
  readonly listQuery = computed<AuditEventListQuery>(() => toListQuery(this.view()), { equal: sameJson });
  /** The filters without paging, as the CSV export takes them. */
  readonly filterQuery = computed(() => toFilterQuery(this.filters()), { equal: sameJson });

  /** The last page received; kept while the next one loads so the table does not flash empty. */
  readonly page = computed(() => this.state().page);
  readonly items = computed(() => this.page()?.items ?? []);
  readonly total = computed(() => this.page()?.total ?? 0);
  readonly loading = computed(() => this.state().status === 'loading');
  readonly error = computed(() => {
    const state = this.state();
    return state.status === 'error' ? state.error : null;
  });

  constructor() {
    toObservable(this.listQuery)
      .pipe(
        switchMap((query) =>
          this.api.list(query).pipe(
            map((page): PageState => ({ page, status: 'ready' })),
            catchError((error: unknown) => of<PageState>({ error: describeHttpError(error), page: this.page(), status: 'error' })),
            startWith<PageState>({ page: this.page(), status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((state) => this.state.set(state));
  }

  /** Applies filter changes and goes back to the first page. */
  setFilters(changes: Partial<SecurityLogFilters>): void {
    const view = this.view();
    this.navigate({ ...view, filters: { ...view.filters, ...changes }, pageIndex: 0 });
  }

  clearFilters(): void {
    this.navigate({ ...this.view(), filters: { ...NO_SECURITY_LOG_FILTERS }, pageIndex: 0 });
  }

  setPage(pageIndex: number, pageSize: number): void {
    const view = this.view();
    this.navigate({ ...view, pageIndex: pageSize === view.pageSize ? pageIndex : 0, pageSize });
  }

  private navigate(view: SecurityLogView): void {
    void this.router.navigate([], { queryParams: viewToQueryParams(view), relativeTo: this.route });
  }
}
