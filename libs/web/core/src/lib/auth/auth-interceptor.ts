import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { catchError, throwError } from 'rxjs';
import { API_BASE_URL, apiUrl } from '../api-base-url';
import { AuthStore } from './auth-store';

/** Sends the access token to the API and, when the API rejects it, ends the session and asks to sign in again. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(AuthStore);
  const router = inject(Router);
  const token = store.token();
  if (!token || !request.url.startsWith(apiUrl(inject(API_BASE_URL), ''))) {
    return next(request);
  }
  return next(request.clone({ setHeaders: { Authorization: `Bearer ${token}` } })).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        store.clearSession();
        // During a navigation the auth guard redirects, knowing the URL being navigated to.
        if (!router.currentNavigation() && !isGuestPage(router.url)) {
          void router.navigate(['/', WebRoutes.login], { queryParams: { returnUrl: router.url } });
        }
      }
      return throwError(() => error);
    }),
  );
};

/** Pages that need no session: a rejected token there ends the session but never leaves the page. */
function isGuestPage(url: string): boolean {
  const path = url.split(/[?#]/)[0];
  return path === `/${WebRoutes.login}` || path === `/${WebRoutes.signup}` || path.startsWith(`/${WebRoutes.share}/`);
}
