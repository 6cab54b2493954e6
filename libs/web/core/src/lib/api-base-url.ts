import { InjectionToken } from '@angular/core';
import { API_PREFIX } from '@model-inventory/contracts';

/** Origin of the API. Empty means the console and the API share an origin. */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', {
  factory: () => '',
  providedIn: 'root',
});

export function apiUrl(baseUrl: string, ...segments: string[]): string {
  return [`${baseUrl}/${API_PREFIX}`, ...segments].join('/');
}
