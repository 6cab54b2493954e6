import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Role } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { App } from './app';
import { appConfig } from './app.config';

describe('console routes', () => {
  // These load the real lazy routes, compiling each feature on first use: seconds on a busy shared machine.
  jest.setTimeout(30_000);
  let backend: HttpTestingController;

  function start(): void {
    TestBed.configureTestingModule({ providers: [...appConfig.providers, provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  }

  /** A returning user: the session is in the browser before the console starts (its initializer reads it). */
  function startSignedIn(): void {
    TestBed.resetTestingModule();
    localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken: 't', expiresAt: Date.now() + 60_000 }));
    start();
  }

  beforeEach(() => {
    localStorage.clear();
    start();
  });

  /** Waits for lazy routes to load and guards to run until the page asks the API for `url`. */
  async function nextRequest(url: string): Promise<TestRequest> {
    for (let attempt = 0; attempt < 2_000; attempt++) {
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
    startSignedIn();
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

  it('asks for the Models list alongside the session check and shows it without asking again', async () => {
    startSignedIn();
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/');
    backend.expectOne('/api/modelInventory?limit=25&offset=0').flush({
      items: [aModel({ model: 'GPT-4o' })],
      limit: 25,
      offset: 0,
      total: 1,
    });
    backend
      .expectOne('/api/modelInventoryHistory/current-counts?parameter=status')
      .flush({ counts: { Approved: 1 }, demo_models: 0, parameter: 'status' });
    (await nextRequest('/api/auth/me')).flush({
      organization: { created_at: '2026-01-05T09:00:00Z', id: 1, name: 'Acme Analytics' },
      user: { created_at: '', email: 'a@acme.test', id: 1, name: 'Ada', organization_id: 1, role: Role.Admin, updated_at: '' },
    });
    await navigation;
    await harness.fixture.whenStable();

    expect((harness.fixture.nativeElement as HTMLElement).querySelector('[data-testid=model-row]')?.textContent).toContain('GPT-4o');
    backend.expectNone((request) => request.url.startsWith('/api/modelInventory'));
  });

  it('answers an unknown address with a not-found page instead of landing somewhere else', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/no/such/page');
    expect(TestBed.inject(Router).url).toBe('/no/such/page');
    expect(harness.routeNativeElement?.textContent).toContain('This page does not exist');
    expect(harness.routeNativeElement?.querySelector('a')?.getAttribute('href')).toBe('/');
  });

  it('opens the public page of a share link without a session, and a gone link stays there, never at sign-in', async () => {
    const harness = await RouterTestingHarness.create();
    const navigation = harness.navigateByUrl('/share/some-token');
    await navigation;
    (await nextRequest('/api/public/shares/some-token?limit=50&offset=0')).flush(
      { detail: 'This share link does not exist or is no longer shared.', status: 404 },
      { status: 404, statusText: 'Not Found' },
    );
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/share/some-token');
    const page = harness.fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('Shared view — read-only');
    expect(page.querySelector('[data-testid=share-unavailable]')?.textContent).toContain('This link is not available');
    expect(page.querySelector('[data-testid=organization-name]')).toBeNull();
    backend.expectNone('/api/auth/me');
  });

  it('keeps the splash up while the session is checked, and takes it down once the first screen is there', async () => {
    startSignedIn();
    const fixture = TestBed.createComponent(App);
    fixture.detectChanges();
    const navigation = TestBed.inject(Router).navigateByUrl('/');
    const me = await nextRequest('/api/auth/me');
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('.mi-splash')?.textContent).toContain('Model Inventory');
    me.flush({
      organization: { created_at: '2026-01-05T09:00:00Z', id: 1, name: 'Acme Analytics' },
      user: { created_at: '', email: 'a@acme.test', id: 1, name: 'Ada', organization_id: 1, role: Role.Admin, updated_at: '' },
    });
    await navigation;
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('.mi-splash')).toBeNull();
  });
});
