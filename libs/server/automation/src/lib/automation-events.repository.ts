import { Injectable } from '@nestjs/common';
import { WEBHOOK_TEST_EVENT, WebhookTestData } from '@model-inventory/contracts';
import { PartRef, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { DataSource, IsNull } from 'typeorm';
import { AutomationEventEntity } from './entities/automation-event.entity';

export interface OutboxRowInput {
  event: string;
  /** The key under which the written row goes into the payload, e.g. `model`. */
  payloadKey: string;
  /** Merged into the written row, e.g. the model's link ids. */
  rowExtras?: object;
  /** Added beside the row, e.g. `previous` and `changes` of an update. */
  payloadExtras?: object;
}

/** The outbox. The worker reads it by UUID, without an actor: every row carries its organisation. */
@Injectable()
export class AutomationEventsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds one outbox row per row the `subject` part writes, its payload that row as written (database
   * defaults included). When no active webhook of the organisation subscribes to the event, it is stored as
   * already dispatched, so nothing is queued for it (a webhook receives the events after its creation).
   * Returns the part, whose rows have `uuid` and `pending`.
   */
  addInsert(statement: WriteStatement, subject: PartRef, { event, payloadKey, rowExtras = {}, payloadExtras = {} }: OutboxRowInput): PartRef {
    return statement.part(
      `${subject.name}_${event}`,
      sql`INSERT INTO automation_events (organization_id, event, payload, dispatched_at)
          SELECT ${TENANT}, ${event}::varchar,
                 jsonb_build_object(${payloadKey}::text, to_jsonb(subject) || ${JSON.stringify(rowExtras)}::jsonb) || ${JSON.stringify(payloadExtras)}::jsonb,
                 CASE WHEN EXISTS (SELECT 1 FROM webhooks w WHERE w.organization_id = ${TENANT} AND w.active AND ${event}::text = ANY(w.events)) THEN NULL ELSE now() END
            FROM ${subject} subject
          RETURNING uuid, dispatched_at IS NULL AS pending`,
      'tenant',
    );
  }

  /** A test ping for one webhook, left pending so that the outbox sweep sends it if the fast path cannot. */
  async addTestEvent(organizationId: number, data: WebhookTestData): Promise<AutomationEventEntity> {
    const repository = this.dataSource.getRepository(AutomationEventEntity);
    return repository.save(repository.create({ organization_id: organizationId, event: WEBHOOK_TEST_EVENT, payload: { ...data } }));
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
