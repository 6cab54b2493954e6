import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuditEventResponse, Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { anAuditEvent } from '@model-inventory/web-security-data-access';
import { routes } from '../security-log-routes';

const EVENTS: AuditEventResponse[] = [
  anAuditEvent({ action: 'auth.login_failed', actor_email: 'mallory@evil.test', actor_name: null, actor_user_id: null, id: 3, ip: '198.51.100.9' }),
  anAuditEvent({ action: 'user.role_changed', id: 2, target_id: '12', target_type: 'user' }),
  anAuditEvent({ id: 1 }),
];

describe('SecurityLogPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ children: routes, path: 'settings/security-log' }]),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const listRequest = (): TestRequest => backend.expectOne((request) => request.url === '/api/audit-events');
  const url = () => decodeURIComponent(TestBed.inject(Router).url);
  const settle = () => harness.fixture.whenStable();

  async function open(path: string, items = EVENTS): Promise<void> {
    await signInAs(Role.Auditor);
    harness = await RouterTestingHarness.create(path);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
    listRequest().flush({ items, limit: 25, offset: 0, total: items.length });
    await settle();
  }

  it('lists each event with its time, actor, action, target, IP address and outcome', async () => {
    await open('/settings/security-log');

    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['actor'].text).toEqual(['mallory@evil.test', 'Grace Hoppergrace@acme.test', 'Grace Hoppergrace@acme.test']);
    expect(rows['action'].text).toEqual(['Sign-in failed', 'Role changed', 'Signed in']);
    expect(rows['target'].text).toEqual(['', 'user #12', '']);
    expect(rows['ip'].text).toEqual(['198.51.100.9', '203.0.113.7', '203.0.113.7']);
    expect(rows['outcome'].text).toEqual(['Failed', 'Succeeded', 'Succeeded']);
    expect(rows['occurred_at'].text[0]).toContain('2026');
  });

  it('narrows the log by action, actor and days, keeping the view in the URL', async () => {
    await open('/settings/security-log');

    await (await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid=filter-action]' }))).clickOptions({ text: 'Sign-in failed' });
    await settle();
    expect(url()).toBe('/settings/security-log?action=auth.login_failed');
    expect(listRequest().request.params.get('action')).toBe('auth.login_failed');

    const actor = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid=filter-actor]' }));
    await actor.setValue('mallory@evil.test');
    await actor.blur();
    await settle();
    expect(listRequest().request.params.get('actor_email')).toBe('mallory@evil.test');

    const from = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid=filter-from]' }));
    await from.setValue('2026-12-01');
    await from.blur();
    await settle();
    expect(url()).toBe('/settings/security-log?action=auth.login_failed&actor=mallory@evil.test&from=2026-12-01');
    listRequest().flush({ items: [], limit: 25, offset: 0, total: 0 });
    await settle();
    expect((harness.fixture.nativeElement as HTMLElement).textContent).toContain('No event matches these filters.');

    await (await loader.getHarness(MatButtonHarness.with({ text: /Clear filters/ }))).click();
    await settle();
    expect(url()).toBe('/settings/security-log');
    listRequest().flush({ items: EVENTS, limit: 25, offset: 0, total: 3 });
  });

  it('exports the filtered log as CSV, saving the file the server names', async () => {
    await open('/settings/security-log?action=auth.logout&page=2');
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:csv'), revokeObjectURL: jest.fn() });
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });

    await (await loader.getHarness(MatButtonHarness.with({ text: /Export CSV/ }))).click();

    const request = backend.expectOne((candidate) => candidate.url === '/api/audit-events/export');
    expect(request.request.params.toString()).toBe('action=auth.logout');
    request.flush(new Blob(['When (UTC),Action\n']), { headers: { 'Content-Disposition': 'attachment; filename="security-log-2026-12-03.csv"' } });
    await settle();
    expect(downloads).toEqual(['security-log-2026-12-03.csv']);
  });
});
