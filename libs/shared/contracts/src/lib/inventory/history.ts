export type ChangeAction = 'created' | 'updated' | 'deleted' | 'restored';
export const CHANGE_ACTIONS: readonly ChangeAction[] = ['created', 'updated', 'deleted', 'restored'];

/** One changed field of one write of any audited entity, with who made it. */
export interface FieldChangeEntry {
  id: number;
  action: ChangeAction;
  field_name: string;
  old_value: string | null;
  new_value: string | null;
  /** Null when the system made the change (e.g. the MLflow sync); `changed_by_name` then names it. */
  changed_by_user_id: number | null;
  changed_by_name: string | null;
  changed_by_email: string | null;
  changed_at: string;
}

/** A model's change history entry (`GET /api/model-inventory-change-history/:id`). */
export interface ChangeHistoryEntry extends FieldChangeEntry {
  model_inventory_id: number;
}

/** A risk's change history entry (`GET /api/model-risk-change-history/:id`). */
export interface RiskChangeHistoryEntry extends FieldChangeEntry {
  model_risk_id: number;
}

export interface ChangeHistoryPage<E extends FieldChangeEntry = ChangeHistoryEntry> {
  items: E[];
  total: number;
}

export const SNAPSHOT_PARAMETERS = ['status', 'security_assessment'] as const;
export type SnapshotParameter = (typeof SNAPSHOT_PARAMETERS)[number];

export const TIMEFRAMES = ['7days', '30days', '90days', '1year'] as const;
export type Timeframe = (typeof TIMEFRAMES)[number];

/** Bucket → count; every bucket present, zeros included. For `security_assessment` the buckets are `true` and `false`. */
export type SnapshotCounts = Record<string, number>;

export interface CurrentCountsResponse {
  parameter: SnapshotParameter;
  counts: SnapshotCounts;
  /** How many of the counted models are demo models (which an Admin may clear); saves the console a list call. */
  demo_models: number;
}

export interface SnapshotResponse {
  id: number;
  parameter: SnapshotParameter;
  snapshot_data: SnapshotCounts;
  recorded_at: string;
}

export interface TimeseriesPoint {
  /** Start of the day (UTC), ISO. */
  timestamp: string;
  counts: SnapshotCounts;
}

export interface TimeseriesResponse {
  parameter: SnapshotParameter;
  points: TimeseriesPoint[];
}
