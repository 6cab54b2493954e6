import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, AuditEventListQuery, AuditEventResponse, Page } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, asDownload, DownloadedFile, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { Observable } from 'rxjs';

/** The list filters without paging, as the export takes them. */
export type AuditEventFilterQuery = Omit<AuditEventListQuery, 'limit' | 'offset'>;

/** The organisation's security audit log (`/api/audit-events`, Admins and Auditors). */
@Injectable({ providedIn: 'root' })
export class AuditEventsApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.auditEvents);

  /** Newest first. */
  list(query: AuditEventListQuery): Observable<Page<AuditEventResponse>> {
    return this.http.get<Page<AuditEventResponse>>(this.baseUrl, { params: toHttpParams(query) });
  }

  /** Every event the filters select, as CSV; failures are left to the caller. */
  export(filters: AuditEventFilterQuery): Observable<DownloadedFile> {
    return this.http
      .get(`${this.baseUrl}/export`, { context: handledLocally(), observe: 'response', params: toHttpParams(filters), responseType: 'blob' })
      .pipe(asDownload('security-log.csv'));
  }
}
