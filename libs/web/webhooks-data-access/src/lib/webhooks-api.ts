import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  CreateWebhookRequest,
  DEFAULT_PAGE_LIMIT,
  Page,
  PageQuery,
  UpdateWebhookRequest,
  WebhookDeliveryResponse,
  WebhookResponse,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

/** The organisation's webhooks and their delivery log (`/api/webhooks`, Admins only). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.webhooks);

  list({ limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<WebhookResponse>> {
    return this.http.get<Page<WebhookResponse>>(this.baseUrl, { params: toHttpParams({ limit, offset }) });
  }

  get(id: number): Observable<WebhookResponse> {
    return this.http.get<WebhookResponse>(`${this.baseUrl}/${id}`);
  }

  /** A refused URL (a private address, say) is a 400 naming `url`, left to the caller's form. */
  create(request: CreateWebhookRequest): Observable<WebhookResponse> {
    return this.http.post<WebhookResponse>(this.baseUrl, request, { context: handledLocally() });
  }

  /** Field errors are left to the caller's form. */
  update(id: number, request: UpdateWebhookRequest): Observable<WebhookResponse> {
    return this.http.patch<WebhookResponse>(`${this.baseUrl}/${id}`, request, { context: handledLocally() });
  }

  /** Turns a webhook on or off; a refusal is reported by the global error notification. */
  setActive(id: number, active: boolean): Observable<WebhookResponse> {
    return this.http.patch<WebhookResponse>(`${this.baseUrl}/${id}`, { active });
  }

  remove(id: number): Observable<void> {
    return this.http.delete(`${this.baseUrl}/${id}`).pipe(map(() => undefined));
  }

  /** Every delivery attempt of one webhook, newest first. */
  deliveries(id: number, { limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<WebhookDeliveryResponse>> {
    return this.http.get<Page<WebhookDeliveryResponse>>(`${this.baseUrl}/${id}/deliveries`, { params: toHttpParams({ limit, offset }) });
  }
}
