import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { ChangeHistoryEntity } from './entities/change-history.entity';

/** A history row with its author; users are soft-deleted, so the name outlives the account. */
export interface ChangeHistoryRow {
  /** bigint, raw from pg. */
  id: string;
  model_inventory_id: number;
  action: ChangeAction;
  field_name: string;
  old_value: string | null;
  new_value: string | null;
  changed_by_user_id: number | null;
  changed_at: Date;
  changed_by_name: string | null;
  changed_by_email: string | null;
}

const HISTORY_COLUMNS = ['id', 'model_inventory_id', 'action', 'field_name', 'old_value', 'new_value', 'changed_by_user_id', 'changed_at'] as const;

@Injectable()
export class ChangeHistoryRepository extends TenantRepository<ChangeHistoryEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, ChangeHistoryEntity, 'Model inventory');
  }

  /** Deleted models count: their history stays readable. */
  async modelExists(modelId: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM model_inventories WHERE id = $1 AND organization_id = $2', [modelId, this.organizationId]);
    return rows.length > 0;
  }

  /** Newest first. */
  async findPageForModel(modelId: number, limit: number, offset: number): Promise<[ChangeHistoryRow[], number]> {
    const query = this.scoped('history').andWhere('history.model_inventory_id = :modelId', { modelId });
    const page = query.clone().leftJoin('users', 'author', 'author.id = history.changed_by_user_id').select([]);
    HISTORY_COLUMNS.forEach((column) => page.addSelect(`history.${column}`, column));
    page.addSelect('author.name', 'changed_by_name').addSelect('author.email', 'changed_by_email');
    page.orderBy('history.changed_at', 'DESC').addOrderBy('history.id', 'DESC').limit(limit).offset(offset);
    return Promise.all([page.getRawMany<ChangeHistoryRow>(), query.getCount()]);
  }
}
