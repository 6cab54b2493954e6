import { HttpBackend, HttpClient, HttpXhrBackend, provideHttpClient, withInterceptors } from '@angular/common/http';
import { createEnvironmentInjector, EnvironmentInjector, inject, InjectionToken } from '@angular/core';
import { authInterceptor } from '@model-inventory/web-core';

/**
 * The HttpClient that sends evidence files. The console's client uses `fetch`, which cannot report upload progress;
 * this one sends through XHR (which can), with the bearer token added as usual. Specs replace it with the
 * testing client.
 */
export const EVIDENCE_UPLOAD_HTTP = new InjectionToken<HttpClient>('EVIDENCE_UPLOAD_HTTP', {
  factory: () => {
    const injector = createEnvironmentInjector(
      [provideHttpClient(withInterceptors([authInterceptor])), { provide: HttpBackend, useExisting: HttpXhrBackend }],
      inject(EnvironmentInjector),
      'evidence uploads',
    );
    return injector.get(HttpClient);
  },
  providedIn: 'root',
});
