import { Injectable } from '@nestjs/common';
import { AutomationEvent, ChangeAction, ModelInventoryResponse } from '@model-inventory/contracts';
import { ComposedStatement, queryPrepared, RequestContext } from '@model-inventory/server-core';
import { AutomationEvents } from '@model-inventory/server-automation';
import { ChangeHistoryRecorder, SnapshotRecorder } from '@model-inventory/server-history';
import { DataSource, EntityManager } from 'typeorm';
import { diffModels } from './model-diff';

type Model = ModelInventoryResponse;

/**
 * The CTE each model write statement starts from: it returns the written model's `id` and `generated`
 * (jsonb: the fields the database assigned, merged into the automation event's model). The history,
 * snapshot and event parts select from it, so they write nothing when it writes nothing.
 */
export const WRITTEN_MODEL = 'written_model';

export interface ModelChange {
  action: ChangeAction;
  before: Model | null;
  /** The model as it will be; the fields in WRITTEN_MODEL's `generated` are filled in by the database. */
  after: Model | null;
}

/** What the write statement returns besides the event: `columns` from `from` (both SQL). */
export interface StatementResult {
  columns: string;
  from: string;
}

/** Runs a write statement inside the transaction of `InventoryWriter.write`; see `writeAlone`. */
export type WriteInTransaction = (statement: ComposedStatement, change: ModelChange, result?: StatementResult) => Promise<Record<string, unknown> | undefined>;

const EVENT_OF: Record<ChangeAction, AutomationEvent> = { created: 'model_added', updated: 'model_updated', deleted: 'model_deleted' };

const counted = (model: Model | null) => model && { status: model.status, security_assessment: model.security_assessment };

/**
 * Writes a model change together with everything that must never be lost with it: field-level history,
 * the status snapshot and the automation event, all in the same statement. Events are handed to the
 * queue only after the commit, so a rolled-back change notifies nobody.
 */
@Injectable()
export class InventoryWriter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: AutomationEvents,
    private readonly history: ChangeHistoryRecorder,
    private readonly snapshots: SnapshotRecorder,
  ) {}

  /**
   * One statement, committed on its own: `statement` already holds the WRITTEN_MODEL CTE (and whatever it
   * needs); the change's records are added to it. Returns the result row (undefined if `from` had none).
   */
  async writeAlone(statement: ComposedStatement, change: ModelChange, result: StatementResult): Promise<Record<string, unknown> | undefined> {
    const { row, pendingEvent } = await this.run(this.dataSource.manager, statement, change, result);
    if (pendingEvent !== null) await this.events.dispatch([pendingEvent]);
    return row;
  }

  /**
   * A transaction for writes that must read and lock the model first; `writeChange` then runs the write
   * statement as `writeAlone` does, inside it. Events are dispatched after the commit.
   */
  async write<T>(work: (manager: EntityManager, writeChange: WriteInTransaction) => Promise<T>): Promise<T> {
    const pendingEvents: string[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work(manager, async (statement, change, result) => {
        const { row, pendingEvent } = await this.run(manager, statement, change, result ?? null);
        if (pendingEvent !== null) pendingEvents.push(pendingEvent);
        return row;
      }),
    );
    await this.events.dispatch(pendingEvents);
    return result;
  }

  private async run(manager: EntityManager, statement: ComposedStatement, { action, before, after }: ModelChange, result: StatementResult | null) {
    const { organizationId, userId } = RequestContext.requireActor();
    const changes = diffModels(before, after);
    this.history.addTo(statement, WRITTEN_MODEL, { organizationId, action, userId, changes });
    const model = (after ?? before) as Model;
    const data = action === 'updated' ? { model, previous: before as Model, changes } : { model };
    const event = this.events.addTo(statement, WRITTEN_MODEL, { organizationId, event: EVENT_OF[action], data });
    this.snapshots.addChange(statement, WRITTEN_MODEL, organizationId, counted(before), counted(after));
    const columns = result ? `${result.columns}, ${event.columns}` : event.columns;
    const { text, values } = statement.build(`SELECT ${columns}${result ? ` FROM ${result.from}` : ''}`);
    const rows = await queryPrepared<Record<string, unknown>>(manager, text, values);
    const recorded = rows[0] ? event.read(rows[0]) : null;
    return { row: rows[0], pendingEvent: recorded?.pending ? recorded.uuid : null };
  }
}
