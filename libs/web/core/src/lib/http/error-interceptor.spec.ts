import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { errorInterceptor } from './error-interceptor';
import { handledLocally } from './problem';

@Component({ template: '' })
class Host {}

describe('errorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let overlay: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([errorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    overlay = TestbedHarnessEnvironment.documentRootLoader(TestBed.createComponent(Host));
  });

  afterEach(() => backend.verify());

  function fail(body: object | null, status: number, statusText = 'Error'): void {
    backend.expectOne('/api/projects').flush(body, { status, statusText });
  }

  it('tells the user what went wrong, using the problem title and detail', async () => {
    http.get('/api/projects').subscribe({ error: () => undefined });
    fail({ detail: 'Only admins can list users.', status: 403, title: 'Forbidden' }, 403);

    const snackBar = await overlay.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Forbidden: Only admins can list users.');
  });

  it('says the server is unreachable when the request never got an answer', async () => {
    http.get('/api/projects').subscribe({ error: () => undefined });
    backend.expectOne('/api/projects').error(new ProgressEvent('error'), { status: 0 });

    const snackBar = await overlay.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toContain('could not be reached');
  });

  it('leaves field validation errors, expired sessions and locally handled failures to the page', async () => {
    http.get('/api/projects').subscribe({ error: () => undefined });
    fail({ errors: [{ field: 'name', message: 'Required' }], status: 400, title: 'Invalid request' }, 400);
    http.get('/api/projects').subscribe({ error: () => undefined });
    fail({ status: 401, title: 'Unauthorized' }, 401);
    http.get('/api/projects', { context: handledLocally() }).subscribe({ error: () => undefined });
    fail({ status: 429, title: 'Too many requests' }, 429);

    expect(await overlay.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);
  });
});
