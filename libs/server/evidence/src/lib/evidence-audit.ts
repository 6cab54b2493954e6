import { WebhookPayload } from '@model-inventory/contracts';
import { EventDefinition, StoredEventPayload } from '@model-inventory/server-automation';
import { AuditedEntity } from '@model-inventory/server-history';
import { EvidenceRow, toStoredEvidenceEvent } from './evidence.mapper';

/** The fields an evidence file's own trail follows (`change_history.entity_type = 'evidence'`). */
export const EVIDENCE_AUDITED_FIELDS = ['filename', 'evidence_type', 'description', 'expiry_date', 'model_id', 'expiry_state'] as const;
export type EvidenceAuditFields = Partial<Record<(typeof EVIDENCE_AUDITED_FIELDS)[number], unknown>>;

export const EVIDENCE_ENTITY: AuditedEntity<EvidenceAuditFields> = {
  type: 'evidence',
  payloadKey: 'evidence',
  auditedFields: EVIDENCE_AUDITED_FIELDS,
  events: {},
};

/** The expiry job's transitions: each writes the new state into the trail and emits its event, once. */
export const EVIDENCE_EXPIRING_ENTITY: AuditedEntity<EvidenceAuditFields> = { ...EVIDENCE_ENTITY, events: { updated: 'evidence_expiring' } };
export const EVIDENCE_EXPIRED_ENTITY: AuditedEntity<EvidenceAuditFields> = { ...EVIDENCE_ENTITY, events: { updated: 'evidence_expired' } };

/**
 * "Evidence added / removed" rows in the model's own trail (`entity_type = 'model'`): the subject is the model row,
 * the rows are notes; no model event, no snapshot change (the model's fields did not change).
 */
export const MODEL_EVIDENCE_TRAIL: AuditedEntity<object> = { type: 'model', payloadKey: 'model', auditedFields: [], events: {} };

export const evidenceLabel = (row: Pick<EvidenceRow, 'filename' | 'evidence_type'>) => `${row.filename} (${row.evidence_type})`;

function presentEvidenceEvent(stored: StoredEventPayload): WebhookPayload['data'] {
  const { evidence, ...rest } = stored as { evidence: Record<string, unknown> };
  return { ...toStoredEvidenceEvent(evidence), ...rest } as unknown as WebhookPayload['data'];
}

export const EVIDENCE_EVENT_DEFINITIONS: EventDefinition[] = (['evidence_expiring', 'evidence_expired'] as const).map((name) => ({ name, present: presentEvidenceEvent }));
