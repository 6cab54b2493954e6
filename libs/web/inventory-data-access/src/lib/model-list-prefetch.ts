import { inject, Injectable } from '@angular/core';
import { NavigationCancel, NavigationError, NavigationStart, Params, Router } from '@angular/router';
import { CurrentCountsResponse, ModelInventoryListQuery, ModelInventoryResponse, Page } from '@model-inventory/contracts';
import { EarlyRequest, takeFirstScreenHandoff } from '@model-inventory/web-core';
import { defer, filter, from, merge, Observable, of, ReplaySubject, skip, switchMap, take } from 'rxjs';
import { ModelInventoryApi } from './model-inventory-api';
import { toListQuery, viewFromQueryParams } from './model-list-view';

const STATUS_COUNTS = { parameter: 'status' } as const;
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

  /**
   * Sends both requests for the view the URL's query parameters describe, or takes those index.html's first-screen
   * script already sent for that same view.
   */
  start(queryParams: Params): void {
    const query = toListQuery(viewFromQueryParams(queryParams));
    const early = takeFirstScreenHandoff();
    const earlyList = early.list && sameJson(early.list.query, query) ? early.list : undefined;
    this.page = { answer: started(answerOrAsk(earlyList, () => this.api.list(query))), query };
    const earlyCounts = early.counts && sameJson(early.counts.query, STATUS_COUNTS) ? early.counts : undefined;
    this.counts = started(answerOrAsk(earlyCounts, () => this.api.currentCounts(STATUS_COUNTS.parameter)));
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

/** The early request's answer when it got one; otherwise (none sent, failed, refused) the console's own request. */
function answerOrAsk<T>(early: EarlyRequest | undefined, ask: () => Observable<T>): Observable<T> {
  if (!early) return ask();
  return from(early.body).pipe(switchMap((body) => (body === null ? defer(ask) : of(body as T))));
}

/** Sends the request now and replays its answer (or error) to whoever subscribes later. */
function started<T>(request: Observable<T>): Observable<T> {
  const answer = new ReplaySubject<T>(1);
  request.subscribe(answer);
  return answer.asObservable();
}
