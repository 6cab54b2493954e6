import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { writeStoredToken } from './token-storage';

@Component({ template: '' })
class BlankPage {}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    writeStoredToken('token-123', 3600);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([
          { component: BlankPage, path: 'login' },
          { component: BlankPage, path: 'model-inventory/risks' },
          { component: BlankPage, path: 'share/:token' },
        ]),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the access token as a bearer header to the API', () => {
    http.get('/api/users').subscribe();

    expect(backend.expectOne('/api/users').request.headers.get('Authorization')).toBe('Bearer token-123');
  });

  it('keeps the token away from other origins', () => {
    http.get('https://mlflow.example.com/api/2.0/models').subscribe();

    expect(backend.expectOne('https://mlflow.example.com/api/2.0/models').request.headers.has('Authorization')).toBe(
      false,
    );
  });

  it('signs the user out and asks them to sign in again, remembering the page, when the token is rejected', async () => {
    const harness = await RouterTestingHarness.create('/model-inventory/risks');
    const failure = jest.fn();
    http.get('/api/users').subscribe({ error: failure });

    backend
      .expectOne('/api/users')
      .flush({ status: 401, title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/login?returnUrl=%2Fmodel-inventory%2Frisks');
    expect(TestBed.inject(AuthStore).token()).toBeNull();
    expect(localStorage.length).toBe(0);
    expect(failure).toHaveBeenCalled();
  });

  it('ends a rejected session but leaves a public share page where it is', async () => {
    const harness = await RouterTestingHarness.create('/share/abc');
    http.get('/api/auth/me').subscribe({ error: () => undefined });

    backend
      .expectOne('/api/auth/me')
      .flush({ status: 401, title: 'Unauthorized' }, { status: 401, statusText: 'Unauthorized' });
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe('/share/abc');
    expect(TestBed.inject(AuthStore).token()).toBeNull();
  });
});
