import { NestExpressApplication } from '@nestjs/platform-express';
import { CreateModelRiskRequest, ModelRiskCategory, ModelRiskLevel, ModelRiskResponse } from '@model-inventory/contracts';
import { TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { aModel } from './inventory-fixtures';

export function aRisk(modelId: number, overrides: Partial<CreateModelRiskRequest> = {}): CreateModelRiskRequest {
  return {
    risk_name: 'Accuracy drops on non-English tickets',
    risk_category: ModelRiskCategory.PERFORMANCE,
    risk_level: ModelRiskLevel.HIGH,
    owner: 'risk.officer@example.com',
    target_date: '2099-06-30',
    model_id: modelId,
    ...overrides,
  };
}

/** HTTP helpers for one organisation's risks. */
export function riskClient(app: NestExpressApplication) {
  const http = () => request(app.getHttpServer());
  return {
    http,
    async model(session: TestSession, overrides = {}): Promise<{ id: number }> {
      return (await http().post('/api/modelInventory').set(session.auth).send(aModel(overrides)).expect(201)).body;
    },
    async create(session: TestSession, modelId: number, overrides: Partial<CreateModelRiskRequest> = {}): Promise<ModelRiskResponse> {
      return (await http().post('/api/modelRisks').set(session.auth).send(aRisk(modelId, overrides)).expect(201)).body;
    },
    /** A PUT of the risk's current fields with `changes` applied (a full update, as the console sends it). */
    put(session: TestSession, risk: ModelRiskResponse, changes: Partial<CreateModelRiskRequest> = {}) {
      const { risk_name, risk_category, risk_level, status, owner, target_date, description, mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, model_id } = risk;
      const body = { risk_name, risk_category, risk_level, status, owner, target_date, description, mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, model_id, ...changes };
      return http().put(`/api/modelRisks/${risk.id}`).set(session.auth).send(body);
    },
    async history(session: TestSession, id: number) {
      return (await http().get(`/api/model-risk-change-history/${id}?limit=100`).set(session.auth).expect(200)).body as { items: Array<Record<string, unknown>>; total: number };
    },
  };
}

/** Rows of every table a risk write touches, for "nothing was written" checks. */
export async function riskWrites(app: NestExpressApplication, organizationId: number) {
  const [row] = await app.get(DataSource).query(
    `SELECT (SELECT count(*) FROM model_risks WHERE organization_id = $1)::int AS risks,
            (SELECT max(updated_at) FROM model_risks WHERE organization_id = $1)::text AS changed,
            (SELECT count(*) FROM change_history WHERE organization_id = $1 AND entity_type = 'risk')::int AS history,
            (SELECT sum(open_risk_count) FROM model_inventories WHERE organization_id = $1)::int AS open_counts`,
    [organizationId],
  );
  return row;
}
