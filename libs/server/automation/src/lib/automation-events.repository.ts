import { Injectable } from '@nestjs/common';
import { AutomationEvent, WebhookPayload } from '@model-inventory/contracts';
import { ComposedStatement } from '@model-inventory/server-core';
import { DataSource, IsNull } from 'typeorm';
import { AutomationEventEntity } from './entities/automation-event.entity';

export interface NewAutomationEvent {
  organization_id: number;
  event: AutomationEvent;
  payload: WebhookPayload['data'];
}

/** The outbox. Not tenant-scoped: the worker reads it by id, and every row carries its organisation. */
@Injectable()
export class AutomationEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds the event to `statement`, for the model that the `subject` CTE returns; its `generated` column
   * (jsonb: the fields the database assigned, such as id and timestamps) is merged into `payload.model`.
   * When no active webhook of the organisation subscribes to the event, it is stored as already
   * dispatched, so nothing is queued for it (a webhook receives the events after its creation).
   * Returns the columns to select to read the event back: `event_id`, `event_uuid` and `event_pending`.
   */
  addInsert(statement: ComposedStatement, subject: string, row: NewAutomationEvent): string {
    statement.with(
      'automation_event',
      `INSERT INTO automation_events (organization_id, event, payload, dispatched_at)
       SELECT $1, $2::varchar, jsonb_set($3::jsonb, '{model}', ($3::jsonb -> 'model') || subject.generated),
              CASE WHEN EXISTS (SELECT 1 FROM webhooks w WHERE w.organization_id = $1 AND w.active AND $2::text = ANY(w.events)) THEN NULL ELSE now() END
         FROM ${subject} subject
       RETURNING id, uuid, dispatched_at IS NULL AS pending`,
      [row.organization_id, row.event, JSON.stringify(row.payload)],
    );
    return '(SELECT id FROM automation_event) AS event_id, (SELECT uuid FROM automation_event) AS event_uuid, (SELECT pending FROM automation_event) AS event_pending';
  }

  findByUuid(uuid: string): Promise<AutomationEventEntity | null> {
    return this.dataSource.getRepository(AutomationEventEntity).findOneBy({ uuid });
  }

  async markDispatched(id: number): Promise<void> {
    await this.dataSource.getRepository(AutomationEventEntity).update({ id, dispatched_at: IsNull() }, { dispatched_at: () => 'now()' });
  }

  /** Oldest first; the age is measured on the database clock, which also stamped `occurred_at`. */
  async findUndispatchedUuids(minAgeMs: number, limit: number): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(AutomationEventEntity)
      .createQueryBuilder('event')
      .select('event.uuid', 'uuid')
      .where('event.dispatched_at IS NULL')
      .andWhere("event.occurred_at < now() - (:minAgeMs * interval '1 millisecond')", { minAgeMs })
      .orderBy('event.occurred_at', 'ASC')
      .limit(limit)
      .getRawMany<{ uuid: string }>();
    return rows.map((row) => row.uuid);
  }
}
