import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, FrameworkResponse, MAX_PAGE_LIMIT, Page, ProjectResponse } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, AuthStore } from '@model-inventory/web-core';
import { catchError, map, Observable, shareReplay, throwError } from 'rxjs';

/**
 * Projects and frameworks, the lists models link to. Fetched once and shared by every screen;
 * projects are cached per organisation, so signing in elsewhere never shows another organisation's.
 */
@Injectable({ providedIn: 'root' })
export class ReferenceDataApi {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  private readonly baseUrl = inject(API_BASE_URL);
  private projectsCache: { organizationId: number | null; projects: Observable<ProjectResponse[]> } | null = null;
  private frameworksCache: Observable<FrameworkResponse[]> | null = null;

  projects(): Observable<ProjectResponse[]> {
    const organizationId = this.auth.organization()?.id ?? null;
    if (this.projectsCache?.organizationId !== organizationId) {
      const projects = this.http
        .get<Page<ProjectResponse>>(apiUrl(this.baseUrl, ApiRoutes.projects), { params: { limit: MAX_PAGE_LIMIT } })
        .pipe(
          map((page) => [...page.items].sort((a, b) => a.name.localeCompare(b.name))),
          catchError((error: unknown) => {
            this.projectsCache = null;
            return throwError(() => error);
          }),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
      this.projectsCache = { organizationId, projects };
    }
    return this.projectsCache.projects;
  }

  /** Global reference data; the same for every organisation. */
  frameworks(): Observable<FrameworkResponse[]> {
    this.frameworksCache ??= this.http.get<FrameworkResponse[]>(apiUrl(this.baseUrl, ApiRoutes.frameworks)).pipe(
      map((frameworks) => [...frameworks].sort((a, b) => a.name.localeCompare(b.name))),
      catchError((error: unknown) => {
        this.frameworksCache = null;
        return throwError(() => error);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.frameworksCache;
  }

  /** Forgets the cached lists, e.g. after a project was added. */
  invalidate(): void {
    this.projectsCache = null;
    this.frameworksCache = null;
  }
}
