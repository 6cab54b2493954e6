import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiRoutes, DEFAULT_PAGE_LIMIT, Page, PageQuery, UserResponse } from '@model-inventory/contracts';
import { Observable } from 'rxjs';
import { API_BASE_URL, apiUrl } from '../api-base-url';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly baseUrl = apiUrl(inject(API_BASE_URL), ApiRoutes.users);

  list({ limit = DEFAULT_PAGE_LIMIT, offset = 0 }: PageQuery = {}): Observable<Page<UserResponse>> {
    const params = new HttpParams().set('limit', limit).set('offset', offset);
    return this.http.get<Page<UserResponse>>(this.baseUrl, { params });
  }
}
