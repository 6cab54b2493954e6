import { inject, Injectable } from '@angular/core';
import { NavigationCancel, NavigationError, NavigationStart, Params, Router } from '@angular/router';
import { CurrentCountsResponse, ModelInventoryListQuery, ModelInventoryResponse, Page } from '@model-inventory/contracts';
import { filter, merge, Observable, ReplaySubject, skip, take } from 'rxjs';
import { ModelInventoryApi } from './model-inventory-api';
import { toListQuery, viewFromQueryParams } from './model-list-view';

const sameJson = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The Models tab's first page and status counts, asked for at start-up when the console opens on that tab: they then
 * travel alongside the session check instead of after the route chunks and the page's first render. The tab's store
 * takes each answer once instead of asking again. What it did not take is dropped when the first navigation fails (the
 * sign-in page came instead, say) or the next one starts, so a later visit never sees an old answer. (Not at the first
 * navigation's end: the page is created after it, once the shell's outlet is rendered.)
 */
@Injectable({ providedIn: 'root' })
export class ModelListPrefetch {
  private readonly api = inject(ModelInventoryApi);
  private readonly router = inject(Router);
  private page: { query: ModelInventoryListQuery; answer: Observable<Page<ModelInventoryResponse>> } | null = null;
  private counts: Observable<CurrentCountsResponse> | null = null;

  /** Sends both requests for the view the URL's query parameters describe. */
  start(queryParams: Params): void {
    const query = toListQuery(viewFromQueryParams(queryParams));
    this.page = { answer: started(this.api.list(query)), query };
    this.counts = started(this.api.currentCounts('status'));
    const events = this.router.events;
    merge(
      events.pipe(filter((event) => event instanceof NavigationCancel || event instanceof NavigationError)),
      events.pipe(
        filter((event) => event instanceof NavigationStart),
        skip(1),
      ),
    )
      .pipe(take(1))
      .subscribe(() => this.drop());
  }

  /** The prefetched page when it was asked with exactly `query`; `null` otherwise (then ask the API). */
  takePage(query: ModelInventoryListQuery): Observable<Page<ModelInventoryResponse>> | null {
    const page = this.page;
    this.page = null;
    return page && sameJson(page.query, query) ? page.answer : null;
  }

  /** The prefetched status counts, once; `null` when there are none (then ask the API). */
  takeCounts(): Observable<CurrentCountsResponse> | null {
    const counts = this.counts;
    this.counts = null;
    return counts;
  }

  private drop(): void {
    this.page = null;
    this.counts = null;
  }
}

/** Sends the request now and replays its answer (or error) to whoever subscribes later. */
function started<T>(request: Observable<T>): Observable<T> {
  const answer = new ReplaySubject<T>(1);
  request.subscribe(answer);
  return answer.asObservable();
}
