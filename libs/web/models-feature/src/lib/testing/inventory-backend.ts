import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { FrameworkResponse, ModelInventoryResponse, ProjectResponse } from '@model-inventory/contracts';

/** Signing in is the same for every page of the console. */
export { meResponse, signInAs } from '@model-inventory/web-core/testing';

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
  /** The demo models among `counts`. */
  demoModels?: number;
}

/**
 * Answers every request the Models tab has made so far with plausible data, and returns the
 * requests it answered so tests can look at them.
 */
export function answerPending({ counts, demoModels = 0, models = [], total }: InventoryData = {}): TestRequest[] {
  const backend = TestBed.inject(HttpTestingController);
  const known = ['/api/modelInventory', '/api/modelInventoryHistory/current-counts', '/api/projects', '/api/frameworks'];
  const requests = backend.match((request) => known.includes(request.url));
  for (const request of requests) {
    const { params, url } = request.request;
    if (url === '/api/modelInventory') {
      const limit = Number(params.get('limit') ?? 25);
      request.flush({ items: models.slice(0, limit), limit, offset: Number(params.get('offset') ?? 0), total: total ?? models.length });
    } else if (url === '/api/modelInventoryHistory/current-counts') {
      request.flush({ counts: counts ?? { Approved: 0, Blocked: 0, Pending: 0, Restricted: 0 }, demo_models: demoModels, parameter: 'status' });
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
