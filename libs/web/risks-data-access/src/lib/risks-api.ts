import { HttpClient, HttpHeaders, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  ChangeHistoryPage,
  CreateModelRiskRequest,
  ModelRiskBatch,
  ModelRiskListQuery,
  ModelRiskResponse,
  ModelRiskStatus,
  ModelRiskSummary,
  Page,
  PageQuery,
  RiskChangeHistoryEntry,
  RiskMatrix,
  UpdateModelRiskRequest,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, asDownload, DownloadedFile, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

/** A risk together with the ETag to send back in `If-Match` when changing it. */
export interface VersionedRisk {
  risk: ModelRiskResponse;
  etag: string | null;
}

/** The table formats the risk export offers (the API has no PDF of risks). */
export const RISK_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type RiskExportFormat = (typeof RISK_EXPORT_FORMATS)[number];

/** The list filters without paging, as the matrix and the export take them. */
export type ModelRiskFilterQuery = Omit<ModelRiskListQuery, 'limit' | 'offset'>;

/** Every call the console makes about model risks: the register, its summary and matrix, exports and history. */
@Injectable({ providedIn: 'root' })
export class RisksApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly risksUrl = apiUrl(this.baseUrl, ApiRoutes.modelRisks);

  list(query: ModelRiskListQuery): Observable<Page<ModelRiskResponse>> {
    return this.http.get<Page<ModelRiskResponse>>(this.risksUrl, { params: toHttpParams(query) });
  }

  /** Active risks by level, status and category, the overdue ones and the total (filters do not apply). */
  summary(): Observable<ModelRiskSummary> {
    return this.http.get<ModelRiskSummary>(`${this.risksUrl}/summary`);
  }

  /** The 5 × 5 impact × likelihood counts of the risks the filters select. */
  matrix(filters: ModelRiskFilterQuery): Observable<RiskMatrix> {
    return this.http.get<RiskMatrix>(`${this.risksUrl}/matrix`, { params: toHttpParams(withoutPaging(filters)) });
  }

  /** Downloads the filtered risks as a file; paging is ignored, every matching risk is exported. */
  export(format: RiskExportFormat, filters: ModelRiskFilterQuery): Observable<DownloadedFile> {
    const params = toHttpParams(withoutPaging(filters)).set('format', format);
    return this.http
      .get(`${this.risksUrl}/export`, { context: handledLocally(), observe: 'response', params, responseType: 'blob' })
      .pipe(asDownload(`model-risks.${format}`));
  }

  /** Deleted risks included (`is_deleted: true`). */
  get(id: number): Observable<VersionedRisk> {
    return this.http
      .get<ModelRiskResponse>(`${this.risksUrl}/${id}`, { context: handledLocally(), observe: 'response' })
      .pipe(map(versioned));
  }

  /** Failures are shown on the form (field errors, permissions), not by the global notification. */
  create(request: CreateModelRiskRequest): Observable<VersionedRisk> {
    return this.http
      .post<ModelRiskResponse>(this.risksUrl, request, { context: handledLocally(), observe: 'response' })
      .pipe(map(versioned));
  }

  /**
   * A full update (PUT): optional fields left out are cleared, `status` left out is kept. A status change outside
   * the workflow is a 409 whose `detail` names the allowed states; a stale `etag` is a 412.
   */
  update(id: number, request: UpdateModelRiskRequest, etag: string | null): Observable<VersionedRisk> {
    return this.http
      .put<ModelRiskResponse>(`${this.risksUrl}/${id}`, request, {
        context: handledLocally(),
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map(versioned));
  }

  /**
   * A status change alone (PATCH `{ status }`): every other field stays as stored. A move outside the workflow is a
   * 409 whose `detail` names the allowed states; a stale `etag` is a 412.
   */
  transition(id: number, status: ModelRiskStatus, etag: string | null): Observable<VersionedRisk> {
    return this.http
      .patch<ModelRiskResponse>(`${this.risksUrl}/${id}`, { status }, { context: handledLocally(), headers: ifMatch(etag), observe: 'response' })
      .pipe(map(versioned));
  }

  /** Raises several risks in one request (`POST /batch`): all of them or none; a 400 names each bad field as `items.N.field`. */
  createMany(requests: readonly CreateModelRiskRequest[]): Observable<ModelRiskResponse[]> {
    return this.http.post<ModelRiskBatch>(`${this.risksUrl}/batch`, { items: requests }, { context: handledLocally() }).pipe(map((batch) => batch.items));
  }

  /**
   * Moves several risks to one status in one request (`PATCH /batch`): all of them or none. A risk whose workflow
   * refuses the move, or that is deleted, is a 409 whose `detail` names it; one gone is a 404.
   */
  changeStatuses(ids: readonly number[], status: ModelRiskStatus): Observable<ModelRiskResponse[]> {
    return this.http
      .patch<ModelRiskBatch>(`${this.risksUrl}/batch`, { items: ids.map((id) => ({ id, status })) }, { context: handledLocally() })
      .pipe(map((batch) => batch.items));
  }

  /** Soft delete: the risk stays readable, with its history, under the `deleted` filter. */
  remove(id: number, etag: string | null): Observable<void> {
    return this.http.delete<void>(`${this.risksUrl}/${id}`, { context: handledLocally(), headers: ifMatch(etag) });
  }

  /** Brings a deleted risk back with every field kept; a 409 while its model is deleted, a 412 for a stale `etag`. */
  restore(id: number, etag: string | null): Observable<VersionedRisk> {
    return this.http
      .post<ModelRiskResponse>(`${this.risksUrl}/${id}/restore`, null, { context: handledLocally(), headers: ifMatch(etag), observe: 'response' })
      .pipe(map(versioned));
  }

  /** Newest first; still readable after the risk is deleted. */
  history(id: number, { limit = 20, offset = 0 }: PageQuery = {}): Observable<ChangeHistoryPage<RiskChangeHistoryEntry>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<ChangeHistoryPage<RiskChangeHistoryEntry>>(apiUrl(this.baseUrl, ApiRoutes.riskChangeHistory, String(id)), {
      params,
    });
  }
}

function withoutPaging(query: ModelRiskListQuery): ModelRiskListQuery {
  return { ...query, limit: undefined, offset: undefined };
}

function versioned(response: HttpResponse<ModelRiskResponse>): VersionedRisk {
  if (!response.body) {
    throw new Error('The server answered without the risk.');
  }
  return { etag: response.headers.get('ETag'), risk: response.body };
}

function ifMatch(etag: string | null): HttpHeaders {
  return etag ? new HttpHeaders({ 'If-Match': etag }) : new HttpHeaders();
}
