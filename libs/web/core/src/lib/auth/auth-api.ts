import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  AcceptInvitationRequest,
  ApiRoutes,
  InvitationPreviewResponse,
  AuthSettingsResponse,
  ChangePasswordRequest,
  LoginRequest,
  LoginResponse,
  MeResponse,
  RegisterRequest,
  RegisterResponse,
} from '@model-inventory/contracts';
import { map, Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from '../api-base-url';
import { handledLocally } from '../http/problem';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.auth);

  /** Failures are shown by the sign-in form, not by the global error notification. */
  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${this.baseUrl}/login`, request, { context: handledLocally() });
  }

  /** Failures are shown by the sign-up form, not by the global error notification. */
  register(request: RegisterRequest): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(`${this.baseUrl}/register`, request, { context: handledLocally() });
  }

  /** Whom an invitation link is for; an unusable token is a 400 naming `token`, shown by the accept page. */
  previewInvitation(token: string): Observable<InvitationPreviewResponse> {
    return this.http.post<InvitationPreviewResponse>(`${this.baseUrl}/invitation`, { token }, { context: handledLocally() });
  }

  /** Failures are shown by the accept-invitation form. */
  acceptInvitation(request: AcceptInvitationRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(`${this.baseUrl}/accept-invitation`, request, { context: handledLocally() });
  }

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>(`${this.baseUrl}/me`);
  }

  /** Ends this session on the server; failures are not shown (the console forgets the token either way). */
  logout(): Observable<void> {
    return this.http.post(`${this.baseUrl}/logout`, null, { context: handledLocally() }).pipe(map(() => undefined));
  }

  /** Failures (a wrong current password, a too short new one) are shown by the password form. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post(`${this.baseUrl}/password`, request, { context: handledLocally() }).pipe(map(() => undefined));
  }

  settings(): Observable<AuthSettingsResponse> {
    return this.http.get<AuthSettingsResponse>(`${this.baseUrl}/settings`);
  }
}
