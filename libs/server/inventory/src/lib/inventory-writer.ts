import { Injectable } from '@nestjs/common';
import { AutomationEvent, ChangeAction, ModelInventoryResponse } from '@model-inventory/contracts';
import { RequestContext } from '@model-inventory/server-core';
import { AutomationEvents } from '@model-inventory/server-automation';
import { ChangeHistoryRecorder, SnapshotRecorder } from '@model-inventory/server-history';
import { DataSource, EntityManager } from 'typeorm';
import { diffModels } from './model-diff';

type Model = ModelInventoryResponse;

export interface RecordChange {
  (action: ChangeAction, before: Model | null, after: Model | null): Promise<void>;
  wouldChange(before: Model, after: Model): boolean;
}

const EVENT_OF: Record<ChangeAction, AutomationEvent> = { created: 'model_added', updated: 'model_updated', deleted: 'model_deleted' };

const counted = (model: Model | null) => model && { status: model.status, security_assessment: model.security_assessment };

/**
 * Runs a model write in one transaction together with everything that must never be lost with it:
 * field-level history, the status snapshot and the automation event. Events are handed to the
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

  async write<T>(work: (manager: EntityManager, record: RecordChange) => Promise<T>): Promise<T> {
    const eventIds: number[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const record = Object.assign((action: ChangeAction, before: Model | null, after: Model | null) => this.record(manager, action, before, after).then((id) => void (id !== null && eventIds.push(id))), {
        wouldChange: (before: Model, after: Model) => diffModels(before, after).length > 0,
      });
      return work(manager, record);
    });
    if (eventIds.length > 0) await this.events.dispatch(eventIds);
    return result;
  }

  /** Returns the automation event's id when a webhook awaits it. */
  private async record(manager: EntityManager, action: ChangeAction, before: Model | null, after: Model | null): Promise<number | null> {
    const actor = RequestContext.requireActor();
    const model = (after ?? before) as Model;
    const changes = diffModels(before, after);
    await this.history.record(manager, { organizationId: actor.organizationId, modelInventoryId: model.id, action, userId: actor.userId, changes });
    const data = action === 'updated' ? { model, previous: before as Model, changes } : { model };
    const event = await this.events.record(manager, { organizationId: actor.organizationId, event: EVENT_OF[action], data });
    // Last: it locks the organisation's running counts until commit, and concurrent writers queue on that lock.
    await this.snapshots.recordChange(manager, actor.organizationId, counted(before), counted(after));
    return event.pending ? event.id : null;
  }
}
