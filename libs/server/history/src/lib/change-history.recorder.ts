import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { PartRef, RequestContext, Sql, sql, WriteStatement } from '@model-inventory/server-core';
import { FieldChange } from './audit/audited-entity';

export interface ChangeHistoryInput {
  entityType: string;
  action: ChangeAction;
  changes: FieldChange[];
}

/** The changes of each row of a set-based write, by the row's id (known before the write: a reserved id). */
export interface RowsChangeHistoryInput {
  entityType: string;
  action: ChangeAction;
  rows: Array<{ id: number; changes: FieldChange[] }>;
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
    this.addPart(
      statement,
      subject,
      { entityType, action },
      sql`FROM ${subject} subject,
               unnest(${changes.map((c) => c.field_name)}::text[], ${changes.map((c) => c.old_value)}::text[], ${changes.map((c) => c.new_value)}::text[])
                 AS change(field_name, old_value, new_value)`,
    );
  }

  /** As `addTo`, for a subject that writes several rows with changes of their own: each row gets its own. */
  addRowsTo(statement: WriteStatement, subject: PartRef, { entityType, action, rows }: RowsChangeHistoryInput): void {
    const changes = rows.flatMap(({ id, changes }) => changes.map((change) => ({ id, ...change })));
    if (changes.length === 0) return;
    this.addPart(
      statement,
      subject,
      { entityType, action },
      sql`FROM ${subject} subject
          JOIN unnest(${changes.map((c) => c.id)}::int[], ${changes.map((c) => c.field_name)}::text[], ${changes.map((c) => c.old_value)}::text[],
                      ${changes.map((c) => c.new_value)}::text[]) AS change(entity_id, field_name, old_value, new_value)
            ON change.entity_id = subject.id`,
    );
  }

  /** `<subject>_history`: the rows `from` yields (`subject` and `change` columns), attributed to the actor. */
  private addPart(statement: WriteStatement, subject: PartRef, { entityType, action }: { entityType: string; action: ChangeAction }, from: Sql): void {
    const { userId, name } = RequestContext.requireActor();
    statement.part(
      `${subject.name}_history`,
      sql`INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id, changed_by_system)
          SELECT subject.organization_id, ${entityType}, subject.id, ${action}, change.field_name, change.old_value, change.new_value, ${userId}::int, ${userId === null ? name : null}::varchar
          ${from}`,
      { through: subject },
    );
  }
}
