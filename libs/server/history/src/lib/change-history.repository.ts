import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { ChangeHistoryEntity } from './entities/change-history.entity';

/** A history row with its author: the user (soft-deleted users keep their name) or the system that acted. */
export interface ChangeHistoryRow {
  /** bigint, raw from pg. */
  id: string;
  entity_id: number;
  action: ChangeAction;
  field_name: string;
  old_value: string | null;
  new_value: string | null;
  changed_by_user_id: number | null;
  changed_at: Date;
  changed_by_name: string | null;
  changed_by_email: string | null;
}

const HISTORY_COLUMNS = ['id', 'entity_id', 'action', 'field_name', 'old_value', 'new_value', 'changed_by_user_id', 'changed_at'] as const;

@Injectable()
export class ChangeHistoryRepository extends TenantRepository<ChangeHistoryEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ChangeHistoryEntity, 'Change history');
  }

  /** One entity's rows of the actor's organisation, newest first, and their total. */
  async findPage(entityType: string, entityId: number, limit: number, offset: number): Promise<[ChangeHistoryRow[], number]> {
    const query = this.scoped('history').andWhere('history.entity_type = :entityType AND history.entity_id = :entityId', { entityType, entityId });
    const page = query.clone().leftJoin('users', 'author', 'author.id = history.changed_by_user_id').select([]);
    HISTORY_COLUMNS.forEach((column) => page.addSelect(`history.${column}`, column));
    page.addSelect('coalesce(author.name, history.changed_by_system)', 'changed_by_name').addSelect('author.email', 'changed_by_email');
    page.orderBy('history.changed_at', 'DESC').addOrderBy('history.id', 'DESC').limit(limit).offset(offset);
    return Promise.all([page.getRawMany<ChangeHistoryRow>(), query.getCount()]);
  }
}
