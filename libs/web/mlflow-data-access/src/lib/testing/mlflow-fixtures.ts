import { MlflowConfigResponse, MlflowModelRecordResponse, MlflowSyncStatusResponse } from '@model-inventory/contracts';

/** A stored MLflow connection as the API answers it; override what a spec cares about. */
export function anMlflowConfig(overrides: Partial<MlflowConfigResponse> = {}): MlflowConfigResponse {
  return {
    auth_method: 'basic',
    configured: true,
    has_api_token: false,
    has_password: true,
    last_sync_counts: null,
    last_sync_message: null,
    last_sync_status: null,
    last_synced_at: null,
    last_test_message: null,
    last_test_status: null,
    last_tested_at: null,
    timeout: 30,
    tracking_server_url: 'https://mlflow.example.com',
    updated_at: '2026-12-01T08:00:00Z',
    username: 'admin',
    verify_ssl: true,
    ...overrides,
  };
}

/** An idle sync status; override what a spec cares about. */
export function anMlflowSyncStatus(overrides: Partial<MlflowSyncStatusResponse> = {}): MlflowSyncStatusResponse {
  return {
    job_id: null,
    last_sync_counts: null,
    last_sync_message: null,
    last_sync_status: null,
    last_synced_at: null,
    progress: null,
    state: 'idle',
    ...overrides,
  };
}

/** One synced model version as the API lists it; override what a spec cares about. */
export function anMlflowRecord(overrides: Partial<MlflowModelRecordResponse> = {}): MlflowModelRecordResponse {
  return {
    aliases: ['champion'],
    description: 'Gradient-boosted PD model.',
    experiment_id: '3',
    id: 1,
    inventory_model_id: null,
    last_synced_at: '2026-12-01T09:00:00Z',
    lifecycle_stage: 'Production',
    lineage_available: true,
    metrics: { auc: 0.87 },
    mlflow_created_at: '2026-11-01T09:00:00Z',
    mlflow_updated_at: '2026-11-20T09:00:00Z',
    mlflow_url: 'https://mlflow.example.com/#/models/credit-pd-xgb/versions/2',
    model_description: 'Probability of default.',
    model_name: 'credit-pd-xgb',
    model_tags: { team: 'risk' },
    new_version_of_registered_model: false,
    parameters: { max_depth: '6' },
    removed_upstream: false,
    run_id: 'a1b2c3d4e5f6',
    run_status: 'FINISHED',
    source: 's3://models/credit-pd-xgb/2',
    status: 'READY',
    tags: { owner: 'risk-team' },
    version: '2',
    ...overrides,
  };
}
