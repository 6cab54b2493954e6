import { EvidenceExpiryStatus, EvidenceResponse, EvidenceUploader } from '@model-inventory/contracts';

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** "48.2 KB": sizes in the units people read (1 KB = 1024 bytes, as file managers count). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  return `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}

/** "Mar 31, 2026" for a `YYYY-MM-DD` date or an ISO timestamp. */
export function formatDay(value: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** `YYYY-MM-DD` of a picked calendar day (the user's own day, not UTC). */
export function toIsoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function uploaderName(uploader: EvidenceUploader): string {
  return uploader.name || uploader.email || 'Unknown user';
}

export const EXPIRY_LABELS: Readonly<Record<EvidenceExpiryStatus, string>> = {
  expired: 'Expired',
  expiring: 'Expiring',
  none: 'No expiry',
  valid: 'Valid',
};

export function modelName(evidence: Pick<EvidenceResponse, 'model'>): string {
  return `${evidence.model.model} ${evidence.model.version}`;
}
