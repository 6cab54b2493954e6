import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { SecurityLogStore } from './security-log-store';
import { anAuditEvent } from './testing/security-fixtures';

@Component({ providers: [SecurityLogStore], template: '' })
class SecurityLogPage {
  readonly store = inject(SecurityLogStore);
}

describe(SecurityLogStore.name, () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ component: SecurityLogPage, path: 'security-log' }])],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(url: string): Promise<SecurityLogStore> {
    harness = await RouterTestingHarness.create(url);
    await harness.fixture.whenStable();
    return (harness.routeDebugElement?.componentInstance as SecurityLogPage).store;
  }

  const url = () => decodeURIComponent(TestBed.inject(Router).url);
  const listRequest = (): TestRequest => backend.expectOne((request) => request.url === '/api/audit-events');

  it('asks the API for exactly the view of a shared link, the days as local midnights', async () => {
    const store = await open('/security-log?actor=alan@acme.test&action=auth.login_failed,not.an_action&from=2026-12-01&to=2026-12-02&page=2&size=50');

    const params = listRequest().request.params;
    expect(params.get('actor_email')).toBe('alan@acme.test');
    expect(params.get('action')).toBe('auth.login_failed');
    expect(params.get('from')).toBe(new Date(2026, 11, 1).toISOString());
    expect(params.get('to')).toBe(new Date(2026, 11, 3).toISOString());
    expect([params.get('limit'), params.get('offset')]).toEqual(['50', '50']);
    expect(store.hasActiveFilters()).toBe(true);
  });

  it('puts a filter change in the URL and goes back to the first page', async () => {
    const store = await open('/security-log?page=3');
    listRequest().flush({ items: [anAuditEvent()], limit: 25, offset: 50, total: 51 });
    expect(store.total()).toBe(51);

    store.setFilters({ action: ['auth.login_succeeded', 'auth.logout'] });
    await harness.fixture.whenStable();

    expect(url()).toBe('/security-log?action=auth.login_succeeded,auth.logout');
    const request = listRequest();
    expect([request.request.params.get('action'), request.request.params.get('offset')]).toEqual(['auth.login_succeeded,auth.logout', '0']);
    expect(store.items()).toHaveLength(1);
    request.flush({ items: [], limit: 25, offset: 0, total: 0 });

    store.clearFilters();
    await harness.fixture.whenStable();
    expect(url()).toBe('/security-log');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
  });

  it('reports a failed load and keeps the last page', async () => {
    const store = await open('/security-log');
    listRequest().flush({ items: [anAuditEvent()], limit: 25, offset: 0, total: 1 });
    store.setPage(0, 50);
    await harness.fixture.whenStable();
    listRequest().flush({ status: 503, title: 'Service Unavailable' }, { status: 503, statusText: 'Service Unavailable' });

    expect(store.error()).toBe('Service Unavailable');
    expect(store.items()).toHaveLength(1);
  });
});
