import { HttpClient, HttpHeaders, HttpParams, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  ChangeHistoryPage,
  CreateModelInventoryRequest,
  CurrentCountsResponse,
  ExportFormat,
  ModelInventoryListQuery,
  ModelInventoryResponse,
  Page,
  PageQuery,
  SnapshotParameter,
  Timeframe,
  TimeseriesResponse,
  UpdateModelInventoryRequest,
} from '@model-inventory/contracts';
import {
  API_BASE_URL,
  apiUrl,
  asDownload,
  DownloadedFile,
  handledLocally,
  toHttpParams,
} from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

/** A model together with the ETag to send back in `If-Match` when changing it. */
export interface VersionedModel {
  model: ModelInventoryResponse;
  etag: string | null;
}

/** Every call the console makes about models: the register, its exports, change history and counts. */
@Injectable({ providedIn: 'root' })
export class ModelInventoryApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);
  private readonly modelsUrl = apiUrl(this.baseUrl, ApiRoutes.modelInventory);

  list(query: ModelInventoryListQuery): Observable<Page<ModelInventoryResponse>> {
    return this.http.get<Page<ModelInventoryResponse>>(this.modelsUrl, { params: toHttpParams(query) });
  }

  get(id: number): Observable<VersionedModel> {
    return this.http
      .get<ModelInventoryResponse>(`${this.modelsUrl}/${id}`, { context: handledLocally(), observe: 'response' })
      .pipe(map(versioned));
  }

  /** Failures are shown on the form (field errors, permissions), not by the global notification. */
  create(request: CreateModelInventoryRequest): Observable<VersionedModel> {
    return this.http
      .post<ModelInventoryResponse>(this.modelsUrl, request, { context: handledLocally(), observe: 'response' })
      .pipe(map(versioned));
  }

  /** A 412 means someone changed the model since `etag` was read; nothing was written. */
  update(id: number, request: UpdateModelInventoryRequest, etag: string | null): Observable<VersionedModel> {
    return this.http
      .patch<ModelInventoryResponse>(`${this.modelsUrl}/${id}`, request, {
        context: handledLocally(),
        headers: ifMatch(etag),
        observe: 'response',
      })
      .pipe(map(versioned));
  }

  remove(id: number, etag: string | null): Observable<void> {
    return this.http.delete<void>(`${this.modelsUrl}/${id}`, { context: handledLocally(), headers: ifMatch(etag) });
  }

  /** Downloads the filtered register as a file; paging is ignored, every matching model is exported. */
  export(format: ExportFormat, filters: ModelInventoryListQuery): Observable<DownloadedFile> {
    const params = toHttpParams({ ...filters, limit: undefined, offset: undefined }).set('format', format);
    return this.http
      .get(`${this.modelsUrl}/export`, { context: handledLocally(), observe: 'response', params, responseType: 'blob' })
      .pipe(asDownload(`model-inventory.${format}`));
  }

  /** Newest first; still readable after the model is deleted. */
  history(id: number, { limit = 20, offset = 0 }: PageQuery = {}): Observable<ChangeHistoryPage> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<ChangeHistoryPage>(apiUrl(this.baseUrl, ApiRoutes.changeHistory, String(id)), { params });
  }

  currentCounts(parameter: SnapshotParameter): Observable<CurrentCountsResponse> {
    return this.http.get<CurrentCountsResponse>(apiUrl(this.baseUrl, ApiRoutes.modelInventoryHistory, 'current-counts'), {
      params: { parameter },
    });
  }

  timeseries(parameter: SnapshotParameter, timeframe: Timeframe): Observable<TimeseriesResponse> {
    return this.http.get<TimeseriesResponse>(apiUrl(this.baseUrl, ApiRoutes.modelInventoryHistory, 'timeseries'), {
      params: { parameter, timeframe },
    });
  }

  /** Admins only: removes the demo models that came with a new organisation. */
  clearDemoData(): Observable<void> {
    return this.http.delete<void>(apiUrl(this.baseUrl, ApiRoutes.demoData));
  }
}

function versioned(response: HttpResponse<ModelInventoryResponse>): VersionedModel {
  if (!response.body) {
    throw new Error('The server answered without the model.');
  }
  return { etag: response.headers.get('ETag'), model: response.body };
}

function ifMatch(etag: string | null): HttpHeaders {
  return etag ? new HttpHeaders({ 'If-Match': etag }) : new HttpHeaders();
}
