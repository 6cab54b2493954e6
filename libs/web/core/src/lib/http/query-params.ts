import { HttpParams } from '@angular/common/http';

/**
 * A list query as the API reads it: lists comma-separated (`status=Open,In Progress`), absent, null and empty
 * values left out, everything else as text.
 */
export function toHttpParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [name, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > 0) {
        params = params.set(name, value.join(','));
      }
    } else {
      params = params.set(name, String(value));
    }
  }
  return params;
}
