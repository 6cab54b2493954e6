import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { ModelInventoryResponse, ModelRiskResponse, ModelRiskSummary, RiskMatrix } from '@model-inventory/contracts';
import { aRiskMatrix, aRiskSummary } from '@model-inventory/web-risks-data-access';

/** Signing in is the same for every page of the console. */
export { meResponse, signInAs } from '@model-inventory/web-core/testing';

export interface RisksData {
  risks?: ModelRiskResponse[];
  total?: number;
  summary?: ModelRiskSummary;
  matrix?: RiskMatrix;
  /** What the model picker finds. */
  models?: ModelInventoryResponse[];
}

const KNOWN = ['/api/modelRisks', '/api/modelRisks/summary', '/api/modelRisks/matrix', '/api/modelInventory'];

/**
 * Answers every request the Risks tab has made so far with plausible data, and returns the requests it answered so
 * tests can look at them.
 */
export function answerRisksPending({ matrix, models = [], risks = [], summary, total }: RisksData = {}): TestRequest[] {
  const backend = TestBed.inject(HttpTestingController);
  const requests = backend.match((request) => KNOWN.includes(request.url));
  for (const request of requests) {
    const { params, url } = request.request;
    const limit = Number(params.get('limit') ?? 25);
    const offset = Number(params.get('offset') ?? 0);
    if (url === '/api/modelRisks') {
      request.flush({ items: risks.slice(0, limit), limit, offset, total: total ?? risks.length });
    } else if (url === '/api/modelRisks/summary') {
      request.flush(summary ?? aRiskSummary());
    } else if (url === '/api/modelRisks/matrix') {
      request.flush(matrix ?? aRiskMatrix());
    } else {
      request.flush({ items: models.slice(0, limit), limit, offset, total: models.length });
    }
  }
  return requests;
}

/** Dialogs and menus open and close at once, so tests need not wait for animations. */
export const withoutAnimations: Provider = { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } };
