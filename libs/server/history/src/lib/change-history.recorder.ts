import { Injectable } from '@nestjs/common';
import { ChangeAction } from '@model-inventory/contracts';
import { EntityManager } from 'typeorm';
import { ChangeHistoryRepository } from './change-history.repository';

export interface FieldChange {
  field_name: string;
  old_value: string | null;
  new_value: string | null;
}

export interface ChangeHistoryEntryInput {
  organizationId: number;
  modelInventoryId: number;
  action: ChangeAction;
  userId: number | null;
  changes: FieldChange[];
}

/** Writes the field-level audit trail of one model write, inside the writer's transaction. */
@Injectable()
export class ChangeHistoryRecorder {
  constructor(private readonly history: ChangeHistoryRepository) {}

  record(manager: EntityManager, entry: ChangeHistoryEntryInput): Promise<void> {
    return this.history.insertMany(
      manager,
      entry.changes.map((change) => ({
        organization_id: entry.organizationId,
        model_inventory_id: entry.modelInventoryId,
        action: entry.action,
        field_name: change.field_name,
        old_value: change.old_value,
        new_value: change.new_value,
        changed_by_user_id: entry.userId,
      })),
    );
  }
}
