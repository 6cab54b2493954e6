import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { appConfig } from './app.config';

describe('console routes', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  /** Waits for lazy routes to load and guards to run until the page asks the API for `url`. */
  async function nextRequest(url: string): Promise<TestRequest> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const [request] = backend.match(url);
      if (request) {
        return request;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`The console never requested ${url}`);
  }

  it('sends visitors without a session to the sign-in page', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/');
    (await nextRequest('/api/auth/settings')).flush({ signup_enabled: true });
    await navigation;
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fmodel-inventory%2Fmodels');
    expect(harness.routeNativeElement?.textContent).toContain('Sign in');
  });

  it('opens the Models tab of the inventory inside the shell for a signed-in user', async () => {
    localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken: 't', expiresAt: Date.now() + 60_000 }));
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/');
    (await nextRequest('/api/auth/me')).flush({
      organization: { created_at: '2026-01-05T09:00:00Z', id: 1, name: 'Acme Analytics' },
      user: { created_at: '', email: 'a@acme.test', id: 1, name: 'Ada', organization_id: 1, role: Role.Admin, updated_at: '' },
    });
    await navigation;
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/model-inventory/models');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid=organization-name]')?.textContent).toBe('Acme Analytics');
    expect(page.querySelectorAll('[mat-tab-link]')).toHaveLength(4);
  });
});
