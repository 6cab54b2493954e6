import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, OrganizationResponse, OrganizationSettingsResponse, UpdateOrganizationRequest, UpdateOrganizationSettingsRequest } from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally } from '@model-inventory/web-core';
import { Observable } from 'rxjs';

/** The signed-in user's organisation: its name and its governance rules (every role reads, Admins change). */
@Injectable({ providedIn: 'root' })
export class OrganizationApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = inject(API_BASE_URL);

  settings(): Observable<OrganizationSettingsResponse> {
    return this.http.get<OrganizationSettingsResponse>(apiUrl(this.baseUrl, ApiRoutes.organizationSettings));
  }

  /** Field errors (400s naming the field) are left to the caller's form. */
  updateSettings(request: UpdateOrganizationSettingsRequest): Observable<OrganizationSettingsResponse> {
    return this.http.patch<OrganizationSettingsResponse>(apiUrl(this.baseUrl, ApiRoutes.organizationSettings), request, { context: handledLocally() });
  }

  /** Renames the organisation (Admins); a refused `name` is left to the caller's form. */
  rename(name: string): Observable<OrganizationResponse> {
    const request: UpdateOrganizationRequest = { name };
    return this.http.patch<OrganizationResponse>(apiUrl(this.baseUrl, ApiRoutes.organization), request, { context: handledLocally() });
  }
}
