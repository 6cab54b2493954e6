import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiRoutes,
  AuthSettingsResponse,
  LoginRequest,
  LoginResponse,
  MeResponse,
  RegisterRequest,
  RegisterResponse,
} from '@model-inventory/contracts';
import { Observable } from 'rxjs';
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

  me(): Observable<MeResponse> {
    return this.http.get<MeResponse>(`${this.baseUrl}/me`);
  }

  settings(): Observable<AuthSettingsResponse> {
    return this.http.get<AuthSettingsResponse>(`${this.baseUrl}/settings`);
  }
}
