import { MlflowConfigResponse } from '@model-inventory/contracts';
import { MlflowIntegrationEntity } from './entities/mlflow-integration.entity';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The settings as the API shows them: secrets only as `has_*` flags; the username is opened by the caller. */
export function toMlflowConfigResponse(row: MlflowIntegrationEntity, username: string | null): MlflowConfigResponse {
  return {
    configured: true,
    tracking_server_url: row.tracking_server_url,
    auth_method: row.auth_method,
    username,
    has_password: row.password_sealed !== null,
    has_api_token: row.api_token_sealed !== null,
    verify_ssl: row.verify_ssl,
    timeout: row.timeout,
    last_synced_at: iso(row.last_synced_at),
    last_sync_status: row.last_sync_status,
    last_sync_message: row.last_sync_message,
    last_sync_counts: row.last_sync_counts,
    last_test_status: row.last_test_status,
    last_test_message: row.last_test_message,
    last_tested_at: iso(row.last_tested_at),
    updated_at: row.updated_at.toISOString(),
  };
}
