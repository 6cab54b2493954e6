import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, PageQuery, SharedViewResponse } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, asDownload, DownloadedFile, handledLocally } from '@model-inventory/web-core';
import { Observable } from 'rxjs';

/** Why a shared view could not be shown: gone (any 404, whatever the reason), too many requests, or anything else. */
export type SharedViewFailure = 'unavailable' | 'rate-limited' | 'failed';

/** What the public page tells a visitor for a failed request; the server never says why a link is gone. */
export function sharedViewFailure(error: unknown): SharedViewFailure {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 404) return 'unavailable';
    if (error.status === 429) return 'rate-limited';
  }
  return 'failed';
}

/** The public side of a share link: no sign-in, the token is the only credential. Every failure is the page's to show. */
@Injectable({ providedIn: 'root' })
export class PublicShareApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  /** One page of the shared view. */
  view(token: string, { limit = 50, offset = 0 }: PageQuery = {}): Observable<SharedViewResponse> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<SharedViewResponse>(this.linkUrl(token), { context: handledLocally(), params });
  }

  /** The whole shared view as CSV, when the link allows export (else the same 404 as an unknown link). */
  exportCsv(token: string): Observable<DownloadedFile> {
    return this.http
      .get(`${this.linkUrl(token)}/export`, {
        context: handledLocally(),
        observe: 'response',
        params: new HttpParams().set('format', 'csv'),
        responseType: 'blob',
      })
      .pipe(asDownload('shared-view.csv'));
  }

  private linkUrl(token: string): string {
    return apiUrl(this.baseUrl, ApiRoutes.publicShares, encodeURIComponent(token));
  }
}
