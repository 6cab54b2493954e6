import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError, problemOf } from '@model-inventory/web-core';

/**
 * Why the server refused a file, in words to show next to it: the problem's `detail` for a refused type (415, naming
 * what the content was found to be), the size limit (413) and field problems (400).
 */
export function uploadFailure(error: unknown): string {
  const problem = problemOf(error);
  if (problem) {
    const fields = problem.errors?.map((fieldError) => fieldError.message).join(' ');
    return fields || problem.detail || problem.title;
  }
  if (error instanceof HttpErrorResponse && error.status === 413) {
    return 'The file is larger than the server accepts.';
  }
  if (error instanceof HttpErrorResponse && error.status === 0) {
    return 'The upload was cut off before the server answered. The file may be larger than the server accepts; check your connection and try again.';
  }
  return describeHttpError(error);
}
