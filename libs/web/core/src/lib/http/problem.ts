import { HttpContext, HttpContextToken, HttpErrorResponse } from '@angular/common/http';
import { ApiProblem } from '@model-inventory/contracts';

/** Set on requests whose failures the caller shows itself, so no global notification is raised. */
export const ERROR_HANDLED_LOCALLY = new HttpContextToken<boolean>(() => false);

export function handledLocally(): HttpContext {
  return new HttpContext().set(ERROR_HANDLED_LOCALLY, true);
}

export function problemOf(error: unknown): ApiProblem | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  const body: unknown = error.error;
  if (body && typeof body === 'object' && typeof (body as ApiProblem).title === 'string') {
    return body as ApiProblem;
  }
  return null;
}

/** A sentence a user can act on, for any error thrown by an HTTP call. */
export function describeHttpError(error: unknown): string {
  const problem = problemOf(error);
  if (problem) {
    return problem.detail && problem.detail !== problem.title
      ? `${problem.title}: ${problem.detail}`
      : problem.title;
  }
  if (error instanceof HttpErrorResponse) {
    if (error.status === 0) {
      return 'The server could not be reached. Check your connection and try again.';
    }
    if (error.status >= 200 && error.status < 300) {
      return 'The server sent a response the console could not read. Try again, or contact your administrator.';
    }
    const status = [error.status, error.statusText].filter(Boolean).join(' ');
    return `The request failed (${status}).`;
  }
  return 'Something went wrong. Please try again.';
}

/**
 * Requests made with `responseType: 'blob'` receive their problem document as a Blob; this reads it
 * back into JSON so `problemOf` and `describeHttpError` work on such failures too.
 */
export async function withReadableProblem(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) {
    return error;
  }
  try {
    const body: unknown = JSON.parse(await readBlobText(error.error));
    return new HttpErrorResponse({
      error: body,
      headers: error.headers,
      status: error.status,
      statusText: error.statusText,
      url: error.url ?? undefined,
    });
  } catch {
    return error;
  }
}

function readBlobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
