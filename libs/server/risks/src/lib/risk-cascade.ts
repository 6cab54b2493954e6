import { PartRef, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { AnyAuditedChange } from '@model-inventory/server-history';
import { RISK_ENTITY } from './risk-audit';

/**
 * When a model is deleted, its active risks are soft-deleted in the same statement, each with a `deleted`
 * history row saying why. They then appear under `filter=deleted`, and cannot be restored while the model is
 * deleted.
 */
export function deleteRisksWithModel(statement: WriteStatement, deletedModel: PartRef, modelId: number): AnyAuditedChange[] {
  const subject = statement.part(
    'risks_deleted_with_model',
    sql`UPDATE model_risks risk SET is_deleted = true, deleted_at = now(), updated_at = now(), version_number = risk.version_number + 1
          FROM ${deletedModel} model
         WHERE risk.model_id = model.id AND risk.organization_id = ${TENANT} AND NOT risk.is_deleted
        RETURNING risk.*`,
    'tenant',
  );
  const note = { field_name: 'is_deleted', old_value: 'false', new_value: `true (deleted with model ${modelId})` };
  return [{ entity: RISK_ENTITY, action: 'deleted', subject, before: null, after: null, notes: [note] }];
}
