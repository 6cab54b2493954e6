import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { meResponse } from './auth-fixtures';
import { readStoredToken, writeStoredToken } from './token-storage';

describe(AuthStore.name, () => {
  let backend: HttpTestingController;
  let store: AuthStore;

  beforeEach(async () => {
    localStorage.clear();
    // The store reads the saved token when it is created.
    writeStoredToken('session-token', 3600);
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), provideRouter([])],
    });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    const restored = store.restoreSession();
    backend.expectOne('/api/auth/me').flush(meResponse());
    await restored;
  });

  afterEach(() => backend.verify());

  it('shows a renamed organisation without asking the server again, and keeps the signed-in user', async () => {
    const user = store.user();
    store.organizationSaved({ ...meResponse().organization, name: 'Acme Research' });

    expect(store.organization()?.name).toBe('Acme Research');
    expect(store.user()).toEqual(user);
    expect(store.isAuthenticated()).toBe(true);
  });

  it('ends the session on the server with its own token, then forgets it', async () => {
    const done = store.logout();
    const request = backend.expectOne('/api/auth/logout');
    expect(request.request.method).toBe('POST');
    expect(request.request.headers.get('Authorization')).toBe('Bearer session-token');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(store.isAuthenticated()).toBe(false);
    expect(readStoredToken()).toBeNull();
  });

  it('signs out here even when the server cannot be reached', async () => {
    const done = store.logout();
    backend.expectOne('/api/auth/logout').error(new ProgressEvent('error'));
    await done;

    expect(store.isAuthenticated()).toBe(false);
    expect(readStoredToken()).toBeNull();
  });

  it('sends the current and the new password, and keeps this session', async () => {
    const done = store.changePassword({ current_password: 'old password 1', new_password: 'new password 22' });
    const request = backend.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({ current_password: 'old password 1', new_password: 'new password 22' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await done;

    expect(store.isAuthenticated()).toBe(true);
    expect(readStoredToken()).toBe('session-token');
  });
});
