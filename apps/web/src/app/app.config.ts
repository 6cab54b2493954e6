import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';
import { provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { AuthStore, authInterceptor, errorInterceptor } from '@model-inventory/web-core';
import { provideMaterialSymbols } from '@model-inventory/web-shared-ui';
import { appRoutes } from './app.routes';
import { prefetchFirstScreen } from './first-screen-prefetch';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(withFetch(), withInterceptors([authInterceptor, errorInterceptor])),
    provideRouter(appRoutes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    provideMaterialSymbols(),
    // Asks who is signed in while the router still loads the first screen's lazy chunks (the guard awaits the same
    // request), instead of after them; the first paint is not held up by it. The Models list's own requests go along.
    provideAppInitializer(() => {
      void inject(AuthStore).restoreSession();
      prefetchFirstScreen();
    }),
    {
      provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
      useValue: { appearance: 'outline' } satisfies MatFormFieldDefaultOptions,
    },
  ],
};
