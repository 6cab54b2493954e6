import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  DEFAULT_PAGE_LIMIT,
  MlflowConfigRequest,
  MlflowConfigResponse,
  MlflowConfigState,
  MlflowImportRequest,
  MlflowModelListQuery,
  MlflowModelRecordResponse,
  MlflowSyncStartedResponse,
  MlflowSyncStatusResponse,
  MlflowTestResponse,
  Page,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

/** The organisation's MLflow connection, its sync and the synced records (`/api/integrations/mlflow`). */
@Injectable({ providedIn: 'root' })
export class MlflowApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.mlflow);

  config(): Observable<MlflowConfigState> {
    return this.http.get<MlflowConfigState>(`${this.baseUrl}/config`);
  }

  /** Field errors (400 naming each field) are left to the caller's form. */
  saveConfig(request: MlflowConfigRequest): Observable<MlflowConfigResponse> {
    return this.http.put<MlflowConfigResponse>(`${this.baseUrl}/config`, request, { context: handledLocally() });
  }

  removeConfig(): Observable<void> {
    return this.http.delete(`${this.baseUrl}/config`).pipe(map(() => undefined));
  }

  /** Always answers 200; `success` says whether MLflow answered. */
  test(): Observable<MlflowTestResponse> {
    return this.http.post<MlflowTestResponse>(`${this.baseUrl}/test`, {});
  }

  /** Queues a sync (or returns the one already queued or running); a 409 (no successful test) is left to the caller. */
  sync(): Observable<MlflowSyncStartedResponse> {
    return this.http.post<MlflowSyncStartedResponse>(`${this.baseUrl}/sync`, {}, { context: handledLocally() });
  }

  syncStatus(): Observable<MlflowSyncStatusResponse> {
    return this.http.get<MlflowSyncStatusResponse>(`${this.baseUrl}/sync-status`);
  }

  list({ limit = DEFAULT_PAGE_LIMIT, offset = 0, ...filters }: MlflowModelListQuery = {}): Observable<Page<MlflowModelRecordResponse>> {
    return this.http.get<Page<MlflowModelRecordResponse>>(`${this.baseUrl}/models`, { params: toHttpParams({ limit, offset, ...filters }) });
  }

  get(id: number): Observable<MlflowModelRecordResponse> {
    return this.http.get<MlflowModelRecordResponse>(`${this.baseUrl}/models/${id}`);
  }

  /** Creates a Pending model in the register and answers the record, now linked; field errors and a 409 are left to the caller. */
  import(id: number, request: MlflowImportRequest): Observable<MlflowModelRecordResponse> {
    return this.http.post<MlflowModelRecordResponse>(`${this.baseUrl}/models/${id}/import`, request, { context: handledLocally() });
  }
}
