import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import {
  FrameworkResponse,
  MeResponse,
  ModelInventoryResponse,
  ProjectResponse,
  Role,
} from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';

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

/** Signs in through the real store, as the auth guard would before the page is shown. */
export async function signInAs(role: Role): Promise<void> {
  localStorage.setItem('model-inventory.session', JSON.stringify({ accessToken: 'token', expiresAt: Date.now() + 60_000 }));
  const restored = TestBed.inject(AuthStore).restoreSession();
  TestBed.inject(HttpTestingController).expectOne('/api/auth/me').flush(meResponse(role));
  await restored;
}

export const PROJECTS: ProjectResponse[] = [
  {
    created_at: '2026-01-05T09:00:00Z',
    description: null,
    frameworks: [1],
    id: 11,
    name: 'Customer Support Assistant',
    organization_id: 7,
    updated_at: '2026-01-05T09:00:00Z',
  },
];

export const FRAMEWORKS: FrameworkResponse[] = [{ description: 'The EU regulation on AI.', id: 1, name: 'EU AI Act' }];

export interface InventoryData {
  models?: ModelInventoryResponse[];
  total?: number;
  counts?: Record<string, number>;
}

/**
 * Answers every request the Models tab has made so far with plausible data, and returns the
 * requests it answered so tests can look at them.
 */
export function answerPending({ counts, models = [], total }: InventoryData = {}): TestRequest[] {
  const backend = TestBed.inject(HttpTestingController);
  const known = ['/api/modelInventory', '/api/modelInventoryHistory/current-counts', '/api/projects', '/api/frameworks'];
  const requests = backend.match((request) => known.includes(request.url));
  for (const request of requests) {
    const { params, url } = request.request;
    if (url === '/api/modelInventory') {
      const limit = Number(params.get('limit') ?? 25);
      request.flush({ items: models.slice(0, limit), limit, offset: Number(params.get('offset') ?? 0), total: total ?? models.length });
    } else if (url === '/api/modelInventoryHistory/current-counts') {
      request.flush({ counts: counts ?? { Approved: 0, Blocked: 0, Pending: 0, Restricted: 0 }, parameter: 'status' });
    } else if (url === '/api/projects') {
      request.flush({ items: PROJECTS, limit: 500, offset: 0, total: PROJECTS.length });
    } else if (url === '/api/frameworks') {
      request.flush(FRAMEWORKS);
    }
  }
  return requests;
}

/** Dialogs and menus open and close at once, so tests need not wait for animations. */
export const withoutAnimations: Provider = { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } };
