import { Injectable } from '@nestjs/common';
import { ChangeHistoryPage, FieldChangeEntry, PageQuery } from '@model-inventory/contracts';
import { ChangeHistoryRepository } from './change-history.repository';
import { toFieldChangeEntry } from './history.mapper';

/** A field change with the id of the entity it belongs to, for routes to name as they document it. */
export type EntityFieldChange = FieldChangeEntry & { entity_id: number };

/**
 * Reads any audited entity's history. The entity's own module checks that the entity exists for the caller
 * (deleted ones included: their history stays readable) and names the route.
 */
@Injectable()
export class ChangeHistoryService {
  constructor(private readonly history: ChangeHistoryRepository) {}

  async page(entityType: string, entityId: number, { limit, offset }: Required<PageQuery>): Promise<ChangeHistoryPage<EntityFieldChange>> {
    const [rows, total] = await this.history.findPage(entityType, entityId, limit, offset);
    return { items: rows.map(toFieldChangeEntry), total };
  }
}
