import { WebhookPayload } from '@model-inventory/contracts';
import { EventDefinition, StoredEventPayload } from '@model-inventory/server-automation';
import { RecordRow } from './mlflow-records.repository';
import { toMlflowModelRecordResponse } from './mlflow-records.mapper';

/** The webhook's `data`: `{ mlflow_model_record }`, the record as the API shows it (stage moves carry `previous_stage`). */
function presentRecordEvent(stored: StoredEventPayload): WebhookPayload['data'] {
  const row = stored['mlflow_model_record'] as RecordRow & { previous_stage: string | null };
  const record = { ...toMlflowModelRecordResponse({ ...row, name_in_register: false }, null), previous_stage: row.previous_stage };
  return { mlflow_model_record: record } as unknown as WebhookPayload['data'];
}

export const MLFLOW_EVENTS: EventDefinition[] = (['mlflow_version_added', 'mlflow_stage_changed'] as const).map((name) => ({ name, present: presentRecordEvent }));
