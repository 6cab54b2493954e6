import { TestBed } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { MeResponse, Role } from '@model-inventory/contracts';
import { AuthStore } from '../auth/auth-store';

export function meResponse(role: Role): MeResponse {
  return {
    organization: { created_at: '2026-01-05T09:00:00Z', id: 7, name: 'Acme Analytics' },
    user: {
      created_at: '2026-01-05T09:00:00Z',
      email: 'grace@acme.test',
      id: 3,
      name: 'Grace Hopper',
      organization_id: 7,
      role,
      updated_at: '2026-01-05T09:00:00Z',
    },
  };
}

/** Signs in through the real store, as the auth guard would before a page is shown. */
export async function signInAs(role: Role): Promise<void> {
  localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken: 'token', expiresAt: Date.now() + 60_000 }));
  const restored = TestBed.inject(AuthStore).restoreSession();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(meResponse(role));
  await restored;
}
