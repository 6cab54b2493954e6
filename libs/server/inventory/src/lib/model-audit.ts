import { ModelInventoryResponse, WebhookPayload } from '@model-inventory/contracts';
import { EventDefinition, StoredEventPayload } from '@model-inventory/server-automation';
import { AuditedEntity } from '@model-inventory/server-history';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { toModelInventoryResponse } from './inventory.mapper';

/** The fields the audit trail follows, in the order the Activity tab lists them. */
export const AUDITED_FIELDS = [
  'provider',
  'model',
  'version',
  'approver',
  'capabilities',
  'security_assessment',
  'status',
  'status_rationale',
  'status_date',
  'reference_link',
  'biases',
  'limitations',
  'hosting_provider',
  'projects',
  'frameworks',
] as const satisfies readonly (keyof ModelInventoryResponse)[];

/** What the trail and the snapshot counters read of a model. */
export type ModelAuditFields = Pick<ModelInventoryResponse, (typeof AUDITED_FIELDS)[number]>;

export const MODEL_ENTITY: AuditedEntity<ModelAuditFields> = {
  type: 'model',
  payloadKey: 'model',
  auditedFields: AUDITED_FIELDS,
  events: { created: 'model_added', updated: 'model_updated', deleted: 'model_deleted' },
  counted: (model) => ({ status: model.status, security_assessment: model.security_assessment }),
};

type StoredModel = Omit<ModelInventoryEntity, 'created_at' | 'updated_at' | 'deleted_at'> & {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  projects: number[];
  frameworks: number[];
};

/** The model of an event as the API shows it: the stored row (JSON from the database) through the API's mapper. */
export function presentStoredModel(stored: StoredModel): ModelInventoryResponse {
  const entity = { ...stored, created_at: new Date(stored.created_at), updated_at: new Date(stored.updated_at), deleted_at: stored.deleted_at ? new Date(stored.deleted_at) : null };
  return toModelInventoryResponse(entity, { projects: stored.projects, frameworks: stored.frameworks });
}

function presentModelEvent(stored: StoredEventPayload): WebhookPayload['data'] {
  const { model, ...rest } = stored as { model: StoredModel; previous?: ModelInventoryResponse; changes?: WebhookPayload['data']['changes'] };
  return { model: presentStoredModel(model), ...rest };
}

export const MODEL_EVENTS: EventDefinition[] = (['model_added', 'model_updated', 'model_deleted', 'model_review_required'] as const).map((name) => ({ name, present: presentModelEvent }));
