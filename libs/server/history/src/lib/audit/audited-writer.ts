import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { AutomationEvents } from '@model-inventory/server-automation';
import { PartRef, queryPrepared, RequestContext, Sql, sql, WriteStatement } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { ChangeHistoryRecorder } from '../change-history.recorder';
import { SnapshotRecorder } from '../snapshot.recorder';
import { AuditedEntity, diffFields, FieldChange } from './audited-entity';

/** One audited change in a write statement: which entity, what happened, and the part that wrote it. */
export interface AuditedChange<F extends object> {
  entity: AuditedEntity<F>;
  action: ChangeAction;
  /** The part that writes the entity (one row, or several for a cascade) and returns it as written (`RETURNING *`). */
  subject: PartRef;
  /** The audited fields before and after, as the caller computed them: null before a creation, after a deletion. */
  before: F | null;
  after: F | null;
  /** History rows besides the field diff, e.g. why a cascade deleted a risk. */
  notes?: FieldChange[];
  /** Merged into the written row in the event payload, e.g. a model's link ids. */
  rowExtras?: object;
  /** Beside the row in the event payload; an update adds `previous` and `changes` itself. */
  payloadExtras?: object;
  /** Events emitted besides the action's own, with the same payload (e.g. `model_review_required` with an update). */
  alsoEmits?: string[];
}

/**
 * Several rows of one entity written by one set-based part (a batch create), each with audited fields of its own.
 * History only: an entity with snapshot counters or an event for the action needs one change per row.
 */
export interface AuditedRowsChange<F extends object> {
  entity: AuditedEntity<F>;
  action: ChangeAction;
  /** The part that writes the rows and returns them as written (`RETURNING *`). */
  subject: PartRef;
  /** Each row's id (reserved before the write), with its audited fields before and after. */
  rows: Array<{ id: number; before: F | null; after: F | null }>;
}

/**
 * Changes of different entity types in one statement (a model and the risks deleted with it). Each was typed
 * against its own entity when it was built; the writer only needs that they agree with themselves.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAuditedChange = AuditedChange<any>;

/** A write inside `AuditedWriter.transaction`: runs its statement with the changes' records, in the transaction. */
export type AuditedWrite = (statement: WriteStatement, changes: AnyAuditedChange | AnyAuditedChange[], result?: Sql) => Promise<Record<string, unknown> | undefined>;

/**
 * The one way an entity is written with its audit trail: the entity's own parts (the caller's), its
 * field-level history, its snapshot counters and its outbox events go into one statement, so they commit
 * together or not at all; events are handed to the queue only after the commit.
 */
@Injectable()
export class AuditedWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AutomationEvents,
    private readonly history: ChangeHistoryRecorder,
    private readonly snapshots: SnapshotRecorder,
  ) {}

  /** One statement, committed on its own. Returns the first row of `result` (a select over the parts). */
  async writeAlone(statement: WriteStatement, changes: AnyAuditedChange | AnyAuditedChange[], result?: Sql): Promise<Record<string, unknown> | undefined> {
    const { row, pending } = await this.run(this.dataSource.manager, statement, () => [changes].flat().flatMap((change) => this.addRecords(statement, change)), result);
    await this.events.dispatch(pending);
    return row;
  }

  /** `writeAlone` for a set-based write of several rows, each with its own history rows. Returns every row of `result`. */
  async writeRowsAlone<F extends object>(statement: WriteStatement, change: AuditedRowsChange<F>, result?: Sql): Promise<Array<Record<string, unknown>>> {
    const { entity, action, subject, rows } = change;
    if (entity.counted || entity.events[action]) throw new Error(`a set-based ${action} of ${entity.type} records history only; write it one change per row`);
    const history = rows.map(({ id, before, after }) => ({ id, changes: diffFields(entity.auditedFields, before, after) }));
    const written = await this.run(
      this.dataSource.manager,
      statement,
      () => {
        this.history.addRowsTo(statement, subject, { entityType: entity.type, action, rows: history });
        return [];
      },
      result,
      { allRows: true },
    );
    return written.rows;
  }

  /**
   * A transaction for writes that read and lock first; `write` runs a statement as `writeAlone` does, inside
   * it. Events are dispatched after the commit, none if it rolls back.
   */
  async transaction<T>(work: (manager: EntityManager, write: AuditedWrite) => Promise<T>): Promise<T> {
    const pending: string[] = [];
    const outcome = await this.dataSource.transaction((manager) =>
      work(manager, async (statement, changes, result) => {
        const written = await this.run(manager, statement, () => [changes].flat().flatMap((change) => this.addRecords(statement, change)), result);
        pending.push(...written.pending);
        return written.row;
      }),
    );
    await this.events.dispatch(pending);
    return outcome;
  }

  /**
   * For modules that write through TypeORM repositories: records the history and events of a row already
   * written in `manager`'s transaction. `subject` reads that row (`currentRow`, or `formerRow` after a hard
   * delete). Dispatch the returned UUIDs after the commit.
   */
  async recordWritten<F extends object>(manager: EntityManager, statement: WriteStatement, change: AuditedChange<F>): Promise<string[]> {
    return (await this.run(manager, statement, () => this.addRecords(statement, change))).pending;
  }

  /** Runs the statement once `addRecords` has added the audit parts (returning the pending-event columns). */
  private async run(manager: EntityManager, statement: WriteStatement, addRecords: () => Sql[], result?: Sql, { allRows = false } = {}) {
    if (statement.organizationId !== RequestContext.requireActor().organizationId) throw new Error("a write statement must be built for the actor's organisation");
    const pendingColumns = addRecords();
    const pendingList = pendingColumns.length ? sql.join(pendingColumns, sql` || `) : sql`'{}'::text[]`;
    // One row at least, so the pending events are read even when `result` has none; `result_found__` tells.
    const limit = allRows ? sql`` : sql`LIMIT 1`;
    const select = result
      ? sql`SELECT ${pendingList} AS pending_events__, result.* FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT true AS result_found__, r.* FROM (${result}) r ${limit}) result ON true`
      : sql`SELECT ${pendingList} AS pending_events__`;
    const { text, values } = statement.build(select);
    const found = await queryPrepared<Record<string, unknown>>(manager, text, values);
    const rows = found.filter((row) => row['result_found__']).map(({ pending_events__: _pending, result_found__: _found, ...row }) => row);
    return { row: rows[0], rows, pending: (found[0]['pending_events__'] as string[] | null) ?? [] };
  }

  /** Adds the change's history, counters and event; returns the event's pending-UUIDs column, if any. */
  private addRecords<F extends object>(statement: WriteStatement, change: AuditedChange<F>): Sql[] {
    const { entity, action, subject, before, after } = change;
    const changes = [...diffFields(entity.auditedFields, before, after), ...(change.notes ?? [])];
    this.history.addTo(statement, subject, { entityType: entity.type, action, changes });
    if (entity.counted) this.snapshots.addChange(statement, subject, before && entity.counted(before), after && entity.counted(after));
    const events = [entity.events[action], ...(change.alsoEmits ?? [])].filter((event): event is string => Boolean(event));
    const payloadExtras = action === 'updated' ? { previous: before, changes, ...change.payloadExtras } : change.payloadExtras;
    return events.map((event) => this.events.addTo(statement, subject, { event, payloadKey: entity.payloadKey, rowExtras: change.rowExtras, payloadExtras }).pendingColumn);
  }
}
