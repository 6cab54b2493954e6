import { MlflowModelRecordResponse } from '@model-inventory/contracts';
import { RecordRow } from './mlflow-records.repository';

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** The version's page in MLflow's UI. */
export function mlflowVersionUrl(trackingServerUrl: string | null, name: string, version: string): string | null {
  return trackingServerUrl ? `${trackingServerUrl}/#/models/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}` : null;
}

/** A record as the API shows it (rows from queries, or from an outbox payload where dates are strings). */
export function toMlflowModelRecordResponse(row: RecordRow, trackingServerUrl: string | null): MlflowModelRecordResponse {
  return {
    id: row.id,
    model_name: row.model_name,
    version: row.version,
    lifecycle_stage: row.lifecycle_stage,
    status: row.status,
    aliases: row.aliases ?? [],
    run_id: row.run_id,
    run_status: row.run_status,
    lineage_available: row.lineage_available,
    description: row.description,
    model_description: row.model_description,
    source: row.source,
    tags: row.tags ?? {},
    model_tags: row.model_tags ?? {},
    metrics: row.metrics ?? {},
    parameters: row.parameters ?? {},
    experiment_id: row.experiment_id,
    mlflow_created_at: iso(row.mlflow_created_at),
    mlflow_updated_at: iso(row.mlflow_updated_at),
    last_synced_at: iso(row.last_synced_at) as string,
    removed_upstream: row.removed_upstream,
    inventory_model_id: row.inventory_model_id,
    new_version_of_registered_model: row.inventory_model_id === null && Boolean(row.name_in_register),
    mlflow_url: mlflowVersionUrl(trackingServerUrl, row.model_name, row.version),
  };
}
