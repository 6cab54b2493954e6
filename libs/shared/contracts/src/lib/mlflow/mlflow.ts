/** How the server authenticates to the MLflow tracking server. */
export const MLFLOW_AUTH_METHODS = ['none', 'basic', 'token'] as const;
export type MlflowAuthMethod = (typeof MLFLOW_AUTH_METHODS)[number];

/** The outcome of a sync: `skipped` when the scheduled run did not sync (no successful connection test). */
export const MLFLOW_SYNC_STATUSES = ['success', 'partial', 'error', 'skipped'] as const;
export type MlflowSyncStatus = (typeof MLFLOW_SYNC_STATUSES)[number];

export type MlflowTestStatus = 'success' | 'failure';

/** The legacy MLflow stages of a model version (`current_stage`), stored verbatim. */
export const MLFLOW_STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;

export const MLFLOW_TIMEOUT_SECONDS = { min: 1, max: 120, default: 30 } as const;

/** PUT /api/integrations/mlflow/config. A blank or omitted secret keeps the stored one. */
export interface MlflowConfigRequest {
  tracking_server_url: string;
  auth_method: MlflowAuthMethod;
  username?: string;
  password?: string;
  api_token?: string;
  verify_ssl?: boolean;
  /** Seconds per MLflow call. */
  timeout?: number;
}

export interface MlflowSyncCounts {
  models: number;
  versions: number;
  added: number;
  updated: number;
  removed: number;
  runs_fetched: number;
  lineage_unavailable: number;
  failed: number;
}

/** The stored settings; secrets are never returned, only whether they are set. */
export interface MlflowConfigResponse {
  configured: true;
  tracking_server_url: string;
  auth_method: MlflowAuthMethod;
  username: string | null;
  has_password: boolean;
  has_api_token: boolean;
  verify_ssl: boolean;
  timeout: number;
  last_synced_at: string | null;
  last_sync_status: MlflowSyncStatus | null;
  last_sync_message: string | null;
  last_sync_counts: MlflowSyncCounts | null;
  last_test_status: MlflowTestStatus | null;
  last_test_message: string | null;
  last_tested_at: string | null;
  updated_at: string;
}

export type MlflowConfigState = { configured: false } | MlflowConfigResponse;

export interface MlflowTestResponse {
  success: boolean;
  message: string;
}

export interface MlflowSyncStartedResponse {
  job_id: string;
}

export type MlflowSyncState = 'idle' | 'queued' | 'running';

export interface MlflowSyncStatusResponse {
  state: MlflowSyncState;
  job_id: string | null;
  /** Models and versions seen so far by the running sync. */
  progress: { models: number; versions: number } | null;
  last_synced_at: string | null;
  last_sync_status: MlflowSyncStatus | null;
  last_sync_message: string | null;
  last_sync_counts: MlflowSyncCounts | null;
}

/** One synced model version (`mlflow_model_records`). */
export interface MlflowModelRecordResponse {
  id: number;
  model_name: string;
  version: string;
  /** The version's `current_stage`, verbatim. */
  lifecycle_stage: string | null;
  /** Registration status: READY, PENDING_REGISTRATION, FAILED_REGISTRATION. */
  status: string | null;
  aliases: string[];
  run_id: string | null;
  run_status: string | null;
  /** False when the run could not be read (garbage-collected, or on another server). */
  lineage_available: boolean;
  description: string | null;
  model_description: string | null;
  source: string | null;
  tags: Record<string, string>;
  model_tags: Record<string, string>;
  /** Latest value per metric; NaN is the string "NaN". */
  metrics: Record<string, number | string>;
  parameters: Record<string, string>;
  experiment_id: string | null;
  mlflow_created_at: string | null;
  mlflow_updated_at: string | null;
  last_synced_at: string;
  removed_upstream: boolean;
  inventory_model_id: number | null;
  /** Another version of this MLflow model is in the register, this one is not. */
  new_version_of_registered_model: boolean;
  /** This version in MLflow's UI. */
  mlflow_url: string | null;
}

export interface MlflowModelListQuery {
  limit?: number;
  offset?: number;
  search?: string;
  stage?: string;
  removed?: boolean;
}

/** POST /api/integrations/mlflow/models/:id/import: what MLflow cannot tell; tags fill capabilities/biases/limitations when present. */
export interface MlflowImportRequest {
  approver: string;
  status_date: string;
  hosting_provider: string;
  capabilities?: string[];
  biases?: string;
  limitations?: string;
  projects?: number[];
  frameworks?: number[];
}
