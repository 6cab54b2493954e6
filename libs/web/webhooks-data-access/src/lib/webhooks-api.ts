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
  WebhookTestResponse,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';
import { TEST_POLL_INTERVAL_MS, TEST_POLL_LIMIT, TestDeliveryOutcome, untilLogged } from './test-delivery';

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

  /** Queues a signed test ping; the answer names the `event_uuid` its attempts will carry in the delivery log. */
  sendTest(id: number): Observable<WebhookTestResponse> {
    return this.http.post<WebhookTestResponse>(`${this.baseUrl}/${id}/test`, null);
  }

  /**
   * Sends a test ping, then reads the delivery log briefly until its first attempt shows up: emits `queued`,
   * then `logged` with that attempt, or `not-yet` when the worker has not tried within the polling window.
   */
  testDelivery(id: number, intervalMs = TEST_POLL_INTERVAL_MS, polls = TEST_POLL_LIMIT): Observable<TestDeliveryOutcome> {
    return untilLogged(this.sendTest(id), (queued) => this.deliveries(id, { limit: 10 }).pipe(map((page) => page.items.filter((row) => row.event_uuid === queued.event_uuid))), intervalMs, polls);
  }

  /** Every delivery attempt of one webhook, newest first. */
  deliveries(id: number, { limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<WebhookDeliveryResponse>> {
    return this.http.get<Page<WebhookDeliveryResponse>>(`${this.baseUrl}/${id}/deliveries`, { params: toHttpParams({ limit, offset }) });
  }
}
