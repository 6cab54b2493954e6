import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditEventFilterDto } from './dto/audit-event.dto';

/** The log as the organisation reads it. The entity's `organization_id` is nullable, so TenantRepository's type is satisfied by a cast. */
@Injectable()
export class AuditEventsRepository extends TenantRepository<AuditEventEntity & { organization_id: number }> {
  constructor(dataSource: DataSource) {
    super(dataSource, AuditEventEntity, 'Audit event');
  }

  findPage(filter: AuditEventFilterDto, limit: number, offset: number): Promise<[AuditEventEntity[], number]> {
    return this.filtered(filter).orderBy('event.occurred_at', 'DESC').addOrderBy('event.id', 'DESC').take(limit).skip(offset).getManyAndCount();
  }

  /** Every event of the filter, newest first, streamed on `runner` (CSV export). */
  async exportStream(filter: AuditEventFilterDto, runner: QueryRunner): Promise<AsyncIterable<Record<string, unknown>>> {
    const query = this.filtered(filter, runner).orderBy('event.occurred_at', 'DESC').addOrderBy('event.id', 'DESC');
    return (await query.stream()) as unknown as AsyncIterable<Record<string, unknown>>;
  }

  private filtered(filter: AuditEventFilterDto, runner?: QueryRunner): SelectQueryBuilder<AuditEventEntity & { organization_id: number }> {
    const query = this.scoped('event', runner?.manager);
    if (filter.action?.length) query.andWhere('event.action IN (:...actions)', { actions: filter.action });
    if (filter.actor_user_id) query.andWhere('event.actor_user_id = :actorId', { actorId: filter.actor_user_id });
    if (filter.actor_email) query.andWhere('lower(event.actor_email) = lower(:email)', { email: filter.actor_email });
    if (filter.from) query.andWhere('event.occurred_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.occurred_at < :to', { to: filter.to });
    return query;
  }
}
