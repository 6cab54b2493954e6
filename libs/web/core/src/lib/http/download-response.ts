import { HttpResponse } from '@angular/common/http';
import { catchError, from, map, OperatorFunction, switchMap, throwError } from 'rxjs';
import { DownloadedFile, filenameFromContentDisposition } from '../browser/download';
import { withReadableProblem } from './problem';

/**
 * For a file fetched with `observe: 'response', responseType: 'blob'`: the file with the name the server proposes
 * (else `fallbackName`), and on failure the error with its problem document readable (`describeHttpError`).
 */
export function asDownload(fallbackName: string): OperatorFunction<HttpResponse<Blob>, DownloadedFile> {
  return (source) =>
    source.pipe(
      map((response) => ({
        blob: response.body ?? new Blob([]),
        filename: filenameFromContentDisposition(response.headers.get('Content-Disposition')) ?? fallbackName,
      })),
      catchError((error: unknown) => from(withReadableProblem(error)).pipe(switchMap((e) => throwError(() => e)))),
    );
}
