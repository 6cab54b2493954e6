import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  CreateProjectRequest,
  FrameworkResponse,
  MAX_PAGE_LIMIT,
  ModelInventoryResponse,
  Page,
  ProjectResponse,
  UpdateProjectRequest,
} from '@model-inventory/contracts';
import { ReferenceDataApi } from '@model-inventory/web-inventory-data-access';
import { API_BASE_URL, apiUrl, handledLocally, toHttpParams } from '@model-inventory/web-core';
import { map, Observable, tap } from 'rxjs';

/**
 * The organisation's projects (`/api/projects`) for Settings › Projects. Every write forgets the shared
 * `ReferenceDataApi` lists, so the Models tab's project filter and form show the change at once.
 */
@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly referenceData = inject(ReferenceDataApi);
  private readonly apiBaseUrl = inject(API_BASE_URL);
  private readonly baseUrl = apiUrl(this.apiBaseUrl, ApiRoutes.projects);

  /** Every project of the organisation (at most the API's page limit), by name. */
  list(): Observable<ProjectResponse[]> {
    return this.http
      .get<Page<ProjectResponse>>(this.baseUrl, { params: toHttpParams({ limit: MAX_PAGE_LIMIT, offset: 0 }) })
      .pipe(map((page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name))));
  }

  /** The frameworks a project can be assessed against (global reference data). */
  frameworks(): Observable<FrameworkResponse[]> {
    return this.referenceData.frameworks();
  }

  /** How many live models (demo ones included) are linked to the project. */
  modelCount(projectId: number): Observable<number> {
    return this.http
      .get<Page<ModelInventoryResponse>>(apiUrl(this.apiBaseUrl, ApiRoutes.modelInventory), {
        params: toHttpParams({ limit: 1, offset: 0, project_id: projectId }),
      })
      .pipe(map((page) => page.total));
  }

  /** Failures (a duplicate name, a field error) are left to the caller's form. */
  create(request: CreateProjectRequest): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>(this.baseUrl, request, { context: handledLocally() }).pipe(tap(() => this.referenceData.invalidate()));
  }

  update(id: number, request: UpdateProjectRequest): Observable<ProjectResponse> {
    return this.http.patch<ProjectResponse>(`${this.baseUrl}/${id}`, request, { context: handledLocally() }).pipe(tap(() => this.referenceData.invalidate()));
  }

  /** Models keep existing but lose the link; a refusal is reported by the global error notification. */
  remove(id: number): Observable<void> {
    return this.http.delete(`${this.baseUrl}/${id}`).pipe(
      tap(() => this.referenceData.invalidate()),
      map(() => undefined),
    );
  }
}
