import { EvidenceType } from '@model-inventory/contracts';
import { insertRow, PartRef, Sql, sql, TENANT, updateRow, WriteStatement } from '@model-inventory/server-core';
import { AnyAuditedChange } from '@model-inventory/server-history';
import { EVIDENCE_ENTITY } from './evidence-audit';

/** An evidence row as an upload writes it; the database adds id, organisation, upload date and expiry state. */
export interface NewEvidence {
  model_id: number;
  storage_backend: 'postgres' | 's3';
  storage_key: string;
  filename: string;
  size: number;
  mimetype: string;
  sha256: string;
  evidence_type: EvidenceType;
  description: string | null;
  expiry_date: string | null;
  uploaded_by_user_id: number | null;
}

const liveModel = (modelId: number) => sql`EXISTS (SELECT 1 FROM model_inventories WHERE id = ${modelId} AND organization_id = ${TENANT} AND deleted_at IS NULL)`;

export function addEvidenceInsert(statement: WriteStatement, evidence: NewEvidence): PartRef {
  const row = {
    ...evidence,
    storage_key: sql`${evidence.storage_key}::uuid`,
    size: sql`${evidence.size}::bigint`,
    expiry_date: sql`${evidence.expiry_date}::date`,
    uploaded_by_user_id: sql`${evidence.uploaded_by_user_id}::int`,
  };
  return statement.part('written_evidence', insertRow('model_evidence', row, { when: liveModel(evidence.model_id) }), 'tenant');
}

export function addEvidenceSoftDelete(statement: WriteStatement, id: number, deletedBy: number | null): PartRef {
  return statement.part('written_evidence', updateRow('model_evidence', id, { deleted_at: sql`now()`, deleted_by_user_id: sql`${deletedBy}::int` }, { when: sql`deleted_at IS NULL` }), 'tenant');
}

const SEED_FILE = (alias: string) => {
  const e = sql.identifier(alias);
  return sql`jsonb_build_object('id', ${e}.id, 'filename', ${e}.filename, 'size', ${e}.size, 'mimetype', ${e}.mimetype,
    'upload_date', to_char(${e}.upload_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'uploaded_by', coalesce(${e}.uploaded_by_user_id, 0))`;
};

/**
 * Rewrites the model's `security_assessment_data` from its live evidence as this statement leaves it (the parts of
 * a statement see the table as it was before, so the written row is added, or the removed one left out, by hand).
 * The part yields the model row, the subject of its "evidence added / removed" history row.
 */
export function addAssessmentDataRefresh(statement: WriteStatement, modelId: number, written: PartRef, change: 'added' | 'removed'): PartRef {
  const others = sql`SELECT * FROM model_evidence WHERE model_id = ${modelId} AND organization_id = ${TENANT} AND deleted_at IS NULL`;
  const live: Sql = change === 'added' ? sql`${others} UNION ALL SELECT * FROM ${written}` : sql`${others} AND id NOT IN (SELECT id FROM ${written})`;
  const files = sql`(SELECT coalesce(jsonb_agg(${SEED_FILE('live')} ORDER BY live.upload_date, live.id), '[]'::jsonb) FROM (${live}) live)`;
  return statement.part('evidence_model', updateRow('model_inventories', modelId, { security_assessment_data: files }, { when: sql`EXISTS (SELECT 1 FROM ${written})` }), 'tenant');
}

/** A model's deletion soft-deletes its evidence in the same statement (the bytes stay, like the row). */
export function deleteEvidenceWithModel(statement: WriteStatement, deletedModel: PartRef, modelId: number): AnyAuditedChange[] {
  const subject = statement.part(
    'evidence_deleted_with_model',
    sql`UPDATE model_evidence SET deleted_at = now()
         WHERE model_id = ${modelId} AND organization_id = ${TENANT} AND deleted_at IS NULL AND EXISTS (SELECT 1 FROM ${deletedModel})
         RETURNING *`,
    'tenant',
  );
  return [{ entity: EVIDENCE_ENTITY, action: 'deleted', subject, before: null, after: null, notes: [{ field_name: 'deleted_with_model', old_value: null, new_value: String(modelId) }] }];
}

/** The expiry job's transition of one organisation's evidence into `state`; each row once (its state is kept). */
export function addExpiryTransition(statement: WriteStatement, state: 'expiring' | 'expired', today: string, warningUntil: string): PartRef {
  const due = state === 'expired' ? sql`e.expiry_date < ${today}::date AND e.expiry_state <> 'expired'` : sql`e.expiry_date BETWEEN ${today}::date AND ${warningUntil}::date AND e.expiry_state = 'current'`;
  return statement.part(
    `${state}_evidence`,
    sql`UPDATE model_evidence e SET expiry_state = ${state}
          FROM model_inventories m
         WHERE e.organization_id = ${TENANT} AND e.deleted_at IS NULL AND ${due} AND m.id = e.model_id AND m.deleted_at IS NULL
         RETURNING e.*`,
    'tenant',
  );
}
