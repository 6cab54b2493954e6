import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { PartRef, RequestContext, sql, WriteStatement } from '@model-inventory/server-core';
import { FieldChange } from './audit/audited-entity';

export interface ChangeHistoryInput {
  entityType: string;
  action: ChangeAction;
  changes: FieldChange[];
}

/** Writes the field-level audit trail of a write, as a part of the write's own statement. */
@Injectable()
export class ChangeHistoryRecorder {
  /**
   * Adds, for every row the `subject` part returns (a column `id`), one history row per change, attributed
   * to the actor: its user, or the system's name for a job. Nothing when the subject writes no row.
   */
  addTo(statement: WriteStatement, subject: PartRef, { entityType, action, changes }: ChangeHistoryInput): void {
    if (changes.length === 0) return;
    const { userId, name } = RequestContext.requireActor();
    statement.part(
      `${subject.name}_history`,
      sql`INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id, changed_by_system)
          SELECT subject.organization_id, ${entityType}, subject.id, ${action}, change.field_name, change.old_value, change.new_value, ${userId}::int, ${userId === null ? name : null}::varchar
            FROM ${subject} subject,
                 unnest(${changes.map((c) => c.field_name)}::text[], ${changes.map((c) => c.old_value)}::text[], ${changes.map((c) => c.new_value)}::text[])
                   AS change(field_name, old_value, new_value)`,
      { through: subject },
    );
  }
}
