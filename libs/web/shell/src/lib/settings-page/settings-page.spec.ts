import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Role } from '@model-inventory/contracts';
import { signInAs } from '@model-inventory/web-core/testing';
import { SettingsPage } from './settings-page';

describe('SettingsPage', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  async function open(): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(SettingsPage);
    await fixture.whenStable();
    return fixture.nativeElement;
  }

  it('lists the users of the organisation for admins', async () => {
    await signInAs(Role.Admin);
    const fixture = TestBed.createComponent(SettingsPage);
    fixture.detectChanges();
    backend.expectOne('/api/users?limit=10&offset=0').flush({
      items: [
        { created_at: '2026-01-05T09:00:00Z', email: 'grace@acme.test', id: 3, name: 'Grace Hopper', role: Role.Admin },
        { created_at: '2026-02-01T09:00:00Z', email: 'alan@acme.test', id: 4, name: 'Alan Turing', role: Role.Auditor },
      ],
      limit: 10,
      offset: 0,
      total: 2,
    });
    await fixture.whenStable();
    backend.expectOne('/api/users/invitations?limit=50&offset=0').flush({ items: [], limit: 50, offset: 0, total: 0 });
    await fixture.whenStable();

    const rows = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tr[mat-row]')];
    expect(rows.map((row) => row.querySelector('td')?.textContent)).toEqual(['Grace Hopper', 'Alan Turing']);
    expect(rows[1].textContent).toContain('Auditor');
  });

  it('shows other roles their organisation and account, without the user list', async () => {
    await signInAs(Role.Editor);
    const page = await open();

    expect(page.querySelector('[data-testid=settings-organization-name]')?.textContent).toBe('Acme Analytics');
    expect(page.textContent).toContain('grace@acme.test');
    expect(page.querySelector('table')).toBeNull();
    backend.expectNone((request) => request.url.startsWith('/api/users'));
  });
});
