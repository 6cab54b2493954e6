import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ERROR_HANDLED_LOCALLY } from '@model-inventory/web-core';
import { firstValueFrom } from 'rxjs';
import { OrganizationApi } from './organization-api';
import { someOrganizationSettings } from './testing/organization-fixtures';

describe(OrganizationApi.name, () => {
  let api: OrganizationApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(OrganizationApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('reads the governance rules, with every refusal left to the global notification', async () => {
    const settings = firstValueFrom(api.settings());
    const request = backend.expectOne({ method: 'GET', url: '/api/organization/settings' });
    expect(request.request.context.get(ERROR_HANDLED_LOCALLY)).toBe(false);
    request.flush(someOrganizationSettings({ review_on_material_change: true }));

    expect((await settings).review_on_material_change).toBe(true);
  });

  it('sends only the rules that change, leaving a refused field to the form', async () => {
    const saved = firstValueFrom(api.updateSettings({ require_status_rationale: true }));
    const request = backend.expectOne({ method: 'PATCH', url: '/api/organization/settings' });
    expect(request.request.body).toEqual({ require_status_rationale: true });
    expect(request.request.context.get(ERROR_HANDLED_LOCALLY)).toBe(true);
    request.flush(someOrganizationSettings({ require_status_rationale: true }));

    expect((await saved).require_status_rationale).toBe(true);
  });

  it('renames the organisation, leaving a refused name to the form', async () => {
    const renamed = firstValueFrom(api.rename('Acme Research'));
    const request = backend.expectOne({ method: 'PATCH', url: '/api/organization' });
    expect(request.request.body).toEqual({ name: 'Acme Research' });
    expect(request.request.context.get(ERROR_HANDLED_LOCALLY)).toBe(true);
    request.flush({ created_at: '2026-01-05T09:00:00Z', id: 7, name: 'Acme Research' });

    expect((await renamed).name).toBe('Acme Research');
  });
});
