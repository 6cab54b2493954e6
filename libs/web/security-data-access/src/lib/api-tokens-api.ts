import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, ApiTokenResponse, CreateApiTokenRequest, CreatedApiTokenResponse, DEFAULT_PAGE_LIMIT, Page, PageQuery } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

/** API tokens for scripts and CI (`/api/api-tokens`): your own, or for Admins the organisation's. */
@Injectable({ providedIn: 'root' })
export class ApiTokensApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.apiTokens);

  /** Live tokens first, then revoked ones, newest first. */
  list({ limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<ApiTokenResponse>> {
    return this.http.get<Page<ApiTokenResponse>>(this.baseUrl, { params: toHttpParams({ limit, offset }) });
  }

  /** The response holds the token itself, this once; failures are left to the caller's form. */
  create(request: CreateApiTokenRequest): Observable<CreatedApiTokenResponse> {
    return this.http.post<CreatedApiTokenResponse>(this.baseUrl, request, { context: handledLocally() });
  }

  /** The token stops working at once; a refusal is reported by the global error notification. */
  revoke(id: number): Observable<void> {
    return this.http.delete(`${this.baseUrl}/${id}`).pipe(map(() => undefined));
  }
}
