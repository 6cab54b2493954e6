import { Injectable } from '@nestjs/common';
import { AutomationEvent, WebhookPayload } from '@model-inventory/contracts';
import { DataSource, EntityManager, IsNull, QueryDeepPartialEntity } from 'typeorm';
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

  async insert(manager: EntityManager, row: NewAutomationEvent): Promise<number> {
    const result = await manager.createQueryBuilder().insert().into(AutomationEventEntity).values(row as QueryDeepPartialEntity<AutomationEventEntity>).returning('id').execute();
    return Number((result.raw as { id: string }[])[0].id);
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
