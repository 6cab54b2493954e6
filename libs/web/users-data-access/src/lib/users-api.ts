import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  CreateInvitationRequest,
  CreateUserRequest,
  InvitationResponse,
  IssuedInvitationResponse,
  DEFAULT_PAGE_LIMIT,
  Page,
  PageQuery,
  UpdateUserRequest,
  UserResponse,
} from '@model-inventory/contracts';
import { API_BASE_URL, apiUrl, handledLocally } from '@model-inventory/web-core';
import { map, Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly apiBase = inject(API_BASE_URL);
  private readonly baseUrl = apiUrl(this.apiBase, ApiRoutes.users);

  list({ limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<UserResponse>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<UserResponse>>(this.baseUrl, { params });
  }

  /** Adds a user; failures are left to the caller's form (field errors, e-mail already taken). */
  create(request: CreateUserRequest): Observable<UserResponse> {
    return this.http.post<UserResponse>(this.baseUrl, request, { context: handledLocally() });
  }

  /** Changes a user's name, role or password; a refusal (e.g. the last Admin) is reported globally. */
  update(id: number, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${this.baseUrl}/${id}`, request);
  }

  /** The same change from a form: failures (a too short password, an empty name) are left to the form. */
  updateFromForm(id: number, request: UpdateUserRequest): Observable<UserResponse> {
    return this.http.patch<UserResponse>(`${this.baseUrl}/${id}`, request, { context: handledLocally() });
  }

  /** Issues a one-time invitation link; failures (e-mail taken, bad input) are left to the caller's form. */
  invite(request: CreateInvitationRequest): Observable<IssuedInvitationResponse> {
    return this.http.post<IssuedInvitationResponse>(apiUrl(this.apiBase, ApiRoutes.invitations), request, { context: handledLocally() });
  }

  /** Open invitations (not accepted, revoked or expired), newest first; tokens are never listed. */
  invitations({ limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<InvitationResponse>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<InvitationResponse>>(apiUrl(this.apiBase, ApiRoutes.invitations), { params });
  }

  /** Revokes an open invitation: its link stops working. */
  revokeInvitation(id: number): Observable<void> {
    return this.http.delete(`${apiUrl(this.apiBase, ApiRoutes.invitations)}/${id}`).pipe(map(() => undefined));
  }

  /** Removes a user; a refusal (yourself, the last Admin) is reported globally. */
  remove(id: number): Observable<void> {
    return this.http.delete(`${this.baseUrl}/${id}`).pipe(map(() => undefined));
  }
}
