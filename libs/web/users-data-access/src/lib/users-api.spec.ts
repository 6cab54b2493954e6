import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role } from '@model-inventory/contracts';
import { ERROR_HANDLED_LOCALLY } from '@model-inventory/web-core';
import { firstValueFrom } from 'rxjs';
import { UsersApi } from './users-api';

describe(UsersApi.name, () => {
  let api: UsersApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(UsersApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('creates a user, leaving its errors to the form', () => {
    const body = { email: 'ada@acme.test', name: 'Ada', password: 'long-enough-pw', role: Role.Editor };
    api.create(body).subscribe();
    const request = backend.expectOne({ method: 'POST', url: '/api/users' });
    expect(request.request.body).toEqual(body);
    expect(request.request.context.get(ERROR_HANDLED_LOCALLY)).toBe(true);
    request.flush({});
  });

  it('updates a user', () => {
    api.update(4, { role: Role.Auditor }).subscribe();
    const request = backend.expectOne({ method: 'PATCH', url: '/api/users/4' });
    expect(request.request.body).toEqual({ role: Role.Auditor });
    request.flush({});
  });

  it('removes a user', async () => {
    const removed = firstValueFrom(api.remove(4));
    backend.expectOne({ method: 'DELETE', url: '/api/users/4' }).flush(null, { status: 204, statusText: 'No Content' });
    await expect(removed).resolves.toBeUndefined();
  });
});
