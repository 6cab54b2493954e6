import { SnapshotResponse } from '@model-inventory/contracts';
import { ChangeHistoryRow } from './change-history.repository';
import { EntityFieldChange } from './change-history.service';
import { SnapshotEntity } from './entities/snapshot.entity';
import { normalizeCounts } from './snapshot-counts';

export function toFieldChangeEntry(row: ChangeHistoryRow): EntityFieldChange {
  return {
    id: Number(row.id),
    entity_id: row.entity_id,
    action: row.action,
    field_name: row.field_name,
    old_value: row.old_value,
    new_value: row.new_value,
    changed_by_user_id: row.changed_by_user_id,
    changed_by_name: row.changed_by_name,
    changed_by_email: row.changed_by_email,
    changed_at: row.changed_at.toISOString(),
  };
}

export function toSnapshotResponse(snapshot: SnapshotEntity): SnapshotResponse {
  return {
    id: snapshot.id,
    parameter: snapshot.parameter,
    snapshot_data: normalizeCounts(snapshot.parameter, snapshot.snapshot_data),
    recorded_at: snapshot.recorded_at.toISOString(),
  };
}
