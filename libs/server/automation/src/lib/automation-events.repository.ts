import { Injectable } from '@nestjs/common';
import { AutomationEvent, WebhookPayload } from '@model-inventory/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
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
   * Stores the event; when no active webhook of the organisation subscribes to it, it is stored as
   * already dispatched, so nothing is queued for it (a webhook receives the events after its creation).
   */
  async insert(manager: EntityManager, row: NewAutomationEvent): Promise<{ id: number; pending: boolean }> {
    const rows: Array<{ id: string; pending: boolean }> = await manager.query(
      `INSERT INTO automation_events (organization_id, event, payload, dispatched_at)
       VALUES ($1, $2::varchar, $3::jsonb, CASE WHEN EXISTS (
         SELECT 1 FROM webhooks w WHERE w.organization_id = $1 AND w.active AND $2::text = ANY(w.events)) THEN NULL ELSE now() END)
       RETURNING id, dispatched_at IS NULL AS pending`,
      [row.organization_id, row.event, JSON.stringify(row.payload)],
    );
    return { id: Number(rows[0].id), pending: rows[0].pending };
  }

  findById(id: number): Promise<AutomationEventEntity | null> {
    return this.dataSource.getRepository(AutomationEventEntity).findOneBy({ id });
  }

  async markDispatched(id: number): Promise<void> {
    await this.dataSource.getRepository(AutomationEventEntity).update({ id, dispatched_at: IsNull() }, { dispatched_at: () => 'now()' });
  }

  /** Oldest first; the age is measured on the database clock, which also stamped `occurred_at`. */
  async findUndispatchedIds(minAgeMs: number, limit: number): Promise<number[]> {
    const rows = await this.dataSource
      .getRepository(AutomationEventEntity)
      .createQueryBuilder('event')
      .select('event.id', 'id')
      .where('event.dispatched_at IS NULL')
      .andWhere("event.occurred_at < now() - (:minAgeMs * interval '1 millisecond')", { minAgeMs })
      .orderBy('event.occurred_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => Number(row.id));
  }
}
