import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authGuard, guestGuard } from './auth-guards';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { meResponse } from './auth-fixtures';
import { writeStoredToken } from './token-storage';

@Component({ template: 'sign-in page' })
class SignInPage {}

@Component({ template: 'inventory page' })
class InventoryPage {}

describe('auth guards', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { canActivate: [guestGuard], component: SignInPage, path: 'login' },
          { path: 'model-inventory', pathMatch: 'full', redirectTo: 'model-inventory/models' },
          { canActivate: [authGuard], component: InventoryPage, path: 'model-inventory/:tab' },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  /** Lets a navigation run up to the guard's request for the signed-in user. */
  const guardsStarted = () => new Promise((resolve) => setTimeout(resolve));

  it('sends visitors without a session to sign in, remembering where they were going', async () => {
    const harness = await RouterTestingHarness.create('/model-inventory/evidence');

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fmodel-inventory%2Fevidence');
    expect(harness.routeNativeElement?.textContent).toContain('sign-in page');
  });

  it('restores a saved session and opens the requested page', async () => {
    writeStoredToken('token-123', 3600);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/model-inventory/models');
    await guardsStarted();
    backend.expectOne('/api/auth/me').flush(meResponse());
    await navigation;

    expect(harness.routeNativeElement?.textContent).toContain('inventory page');
    expect(TestBed.inject(AuthStore).user()?.name).toBe('Ada Lovelace');
  });

  it('forgets a saved token the API rejects and asks to sign in', async () => {
    writeStoredToken('expired-on-server', 3600);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/model-inventory/models');
    await guardsStarted();
    backend.expectOne('/api/auth/me').flush({ title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await navigation;

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fmodel-inventory%2Fmodels');
    expect(TestBed.inject(AuthStore).token()).toBeNull();
  });

  it('sends signed-in users away from the sign-in page to the inventory', async () => {
    writeStoredToken('token-123', 3600);
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/login');
    await guardsStarted();
    backend.expectOne('/api/auth/me').flush(meResponse());
    await navigation;

    expect(TestBed.inject(Router).url).toBe('/model-inventory/models');
  });
});
