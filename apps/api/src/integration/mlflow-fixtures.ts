import { NestExpressApplication } from '@nestjs/platform-express';
import { TestSession } from '@model-inventory/server-testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

/** Configures the organisation's MLflow connection (no auth) and runs the connection test, which must succeed. */
export async function connectMlflow(app: NestExpressApplication, admin: TestSession, url: string, extra: object = {}): Promise<void> {
  await request(app.getHttpServer()).put('/api/integrations/mlflow/config').set(admin.auth).send({ tracking_server_url: url, auth_method: 'none', timeout: 10, ...extra }).expect(200);
  const { body } = await request(app.getHttpServer()).post('/api/integrations/mlflow/test').set(admin.auth).expect(200);
  if (!body.success) throw new Error(`connection test failed: ${body.message}`);
}

export interface StoredRecord {
  id: number;
  model_name: string;
  version: string;
  lifecycle_stage: string | null;
  previous_stage: string | null;
  aliases: string[];
  tags: Record<string, string>;
  model_tags: Record<string, string>;
  metrics: Record<string, number | string>;
  run_id: string | null;
  lineage_available: boolean;
  removed_upstream: boolean;
  content_hash: string;
}

export async function storedRecords(app: NestExpressApplication, organizationId: number): Promise<StoredRecord[]> {
  return app.get(DataSource).query(`SELECT * FROM mlflow_model_records WHERE organization_id = $1 ORDER BY model_name, version_number`, [organizationId]);
}

export async function storedEvents(app: NestExpressApplication, organizationId: number, event: string): Promise<Array<{ payload: { mlflow_model_record: StoredRecord } }>> {
  return app.get(DataSource).query(`SELECT payload FROM automation_events WHERE organization_id = $1 AND event = $2 ORDER BY id`, [organizationId, event]);
}

export const keyOf = (record: { model_name: string; version: string }) => `${record.model_name}@${record.version}`;
