import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { ComposedStatement } from '@model-inventory/server-core';

export interface FieldChange {
  field_name: string;
  old_value: string | null;
  new_value: string | null;
}

export interface ChangeHistoryEntryInput {
  organizationId: number;
  action: ChangeAction;
  userId: number | null;
  changes: FieldChange[];
}

/** Writes the field-level audit trail of one model write, as part of the write's own statement. */
@Injectable()
export class ChangeHistoryRecorder {
  /**
   * Adds one row per change for the model that the `subject` CTE returns (column `id`); none if it
   * returns no row. `changed_at` defaults to the transaction's now().
   */
  addTo(statement: ComposedStatement, subject: string, entry: ChangeHistoryEntryInput): void {
    if (entry.changes.length === 0) return;
    statement.with(
      'change_history',
      `INSERT INTO model_inventory_change_history (organization_id, model_inventory_id, action, field_name, old_value, new_value, changed_by_user_id)
       SELECT $1, subject.id, $2, change.field_name, change.old_value, change.new_value, $3
         FROM ${subject} subject, unnest($4::text[], $5::text[], $6::text[]) AS change(field_name, old_value, new_value)`,
      [
        entry.organizationId,
        entry.action,
        entry.userId,
        entry.changes.map((change) => change.field_name),
        entry.changes.map((change) => change.old_value),
        entry.changes.map((change) => change.new_value),
      ],
    );
  }
}
