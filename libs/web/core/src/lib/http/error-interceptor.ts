import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { catchError, throwError } from 'rxjs';
import { describeHttpError, ERROR_HANDLED_LOCALLY, problemOf } from './problem';

const SNACK_BAR_DURATION_MS = 8000;

/** Reports failed requests that no one else shows: not 401s (sign-in redirect) nor field validation errors (forms). */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const snackBar = inject(MatSnackBar);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && shouldNotify(request, error)) {
        snackBar.open(describeHttpError(error), 'Dismiss', { duration: SNACK_BAR_DURATION_MS });
      }
      return throwError(() => error);
    }),
  );
};

function shouldNotify(request: HttpRequest<unknown>, error: HttpErrorResponse): boolean {
  if (request.context.get(ERROR_HANDLED_LOCALLY) || error.status === 401) {
    return false;
  }
  const isFieldValidation = error.status === 400 && (problemOf(error)?.errors?.length ?? 0) > 0;
  return !isFieldValidation;
}
