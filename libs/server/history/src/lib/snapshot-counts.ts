import { ModelStatus, SnapshotCounts, SnapshotParameter } from '@model-inventory/contracts';

/** The fields of a model that snapshots count. */
export interface CountedFields {
  status: ModelStatus;
  security_assessment: boolean;
}

const BUCKETS: Record<SnapshotParameter, readonly string[]> = {
  status: Object.values(ModelStatus),
  security_assessment: ['true', 'false'],
};

export function bucketsOf(parameter: SnapshotParameter): readonly string[] {
  return BUCKETS[parameter];
}

export function bucketOf(parameter: SnapshotParameter, fields: CountedFields): string {
  return parameter === 'status' ? fields.status : String(fields.security_assessment);
}

/** Every bucket of the parameter, zeros included; unknown buckets are dropped. */
export function normalizeCounts(parameter: SnapshotParameter, raw: Record<string, unknown> | null | undefined): SnapshotCounts {
  return Object.fromEntries(bucketsOf(parameter).map((bucket) => [bucket, Number(raw?.[bucket] ?? 0) || 0]));
}

export function emptyCounts(parameter: SnapshotParameter): SnapshotCounts {
  return normalizeCounts(parameter, null);
}

/** How one write moves the parameter's buckets; empty when it moves none (e.g. an unrelated field changed). */
export function countsDelta(parameter: SnapshotParameter, before: CountedFields | null, after: CountedFields | null): SnapshotCounts {
  const delta: SnapshotCounts = {};
  if (before) delta[bucketOf(parameter, before)] = (delta[bucketOf(parameter, before)] ?? 0) - 1;
  if (after) delta[bucketOf(parameter, after)] = (delta[bucketOf(parameter, after)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(delta).filter(([, n]) => n !== 0));
}

export function isEmptyDelta(delta: SnapshotCounts): boolean {
  return Object.keys(delta).length === 0;
}
