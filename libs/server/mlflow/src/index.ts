export * from './lib/mlflow.module';
export { CALLS_AT_ONCE, MLFLOW_RETRY_POLICY, MlflowSyncService } from './lib/sync/mlflow-sync.service';
export type { RetryPolicy } from './lib/client/mlflow-client';
export { mlflowSyncJobId, MlflowJobsService } from './lib/sync/mlflow-jobs.service';
export { SecretsKeyCheck, SecretsKeyMismatchError } from './lib/secrets-key-check';
