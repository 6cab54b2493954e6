import { MlflowSyncCounts, MlflowSyncStatus, MlflowSyncStatusResponse } from '@model-inventory/contracts';

export const SYNC_STATUS_LABELS: Readonly<Record<MlflowSyncStatus, string>> = {
  error: 'Failed',
  partial: 'Partly synced',
  skipped: 'Skipped',
  success: 'Synced',
};

/**
 * How far a running sync has come, as a percentage of the versions the last complete sync saw; null when there is
 * nothing to compare with (a first sync), so the bar runs indeterminate. Never 100 while still running.
 */
export function syncProgressPercent(status: MlflowSyncStatusResponse | null, last: MlflowSyncCounts | null): number | null {
  if (!status || status.state === 'idle' || !status.progress || !last?.versions) return null;
  return Math.min(99, Math.round((status.progress.versions / last.versions) * 100));
}
