import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  CreatedShareLinkResponse,
  CreateShareLinkRequest,
  Page,
  PageQuery,
  ShareLinkResponse,
  UpdateShareLinkRequest,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally } from '@model-inventory/web-core';
import { Observable } from 'rxjs';

/** The signed-in side of share links: create one (its token is in this answer only), list, change and revoke them. */
@Injectable({ providedIn: 'root' })
export class SharesApi {
  private readonly http = inject(HttpClient);
  private readonly sharesUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.shares);

  /** The answer carries the token and the link's url: the only time they are ever shown. A refusal is the dialog's to show. */
  create(request: CreateShareLinkRequest): Observable<CreatedShareLinkResponse> {
    return this.http.post<CreatedShareLinkResponse>(this.sharesUrl, request, { context: handledLocally() });
  }

  /** Live links first; never a token. Every role may read the list. */
  list({ limit = 50, offset = 0 }: PageQuery = {}): Observable<Page<ShareLinkResponse>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<ShareLinkResponse>>(this.sharesUrl, { params });
  }

  /** Enables or disables a link, or changes its expiry (`null`: never expires). A revoked link answers 409. */
  update(id: number, changes: UpdateShareLinkRequest): Observable<ShareLinkResponse> {
    return this.http.patch<ShareLinkResponse>(`${this.sharesUrl}/${id}`, changes, { context: handledLocally() });
  }

  /** Revokes the link at once and for good. */
  revoke(id: number): Observable<void> {
    return this.http.delete<void>(`${this.sharesUrl}/${id}`, { context: handledLocally() });
  }
}
