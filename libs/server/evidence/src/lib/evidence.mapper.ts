import { EvidenceExpiryStatus, EvidenceResponse, EvidenceType, SecurityAssessmentFile } from '@model-inventory/contracts';

/** A `model_evidence` row with its model and uploader, as the repository reads it. */
export interface EvidenceRow {
  id: number;
  organization_id: number;
  model_id: number;
  storage_backend: 'postgres' | 's3';
  storage_key: string;
  filename: string;
  size: string | number;
  mimetype: string;
  sha256: string;
  evidence_type: EvidenceType;
  description: string | null;
  expiry_date: string | null;
  expiry_state: 'current' | 'expiring' | 'expired';
  uploaded_by_user_id: number | null;
  upload_date: Date | string;
  deleted_at: Date | string | null;
  model_provider: string;
  model_model: string;
  model_version: string;
  uploader_name: string | null;
  uploader_email: string | null;
}

const DAY_MS = 86_400_000;

/** Today as YYYY-MM-DD in UTC: the day expiry is judged by, the same for the API and the job. */
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Expired once its day has passed; expiring when the day is within `warningDays` from today. */
export function expiryStatusOf(expiryDate: string | null, warningDays: number, today = todayUtc()): EvidenceExpiryStatus {
  if (!expiryDate) return 'none';
  if (expiryDate < today) return 'expired';
  return expiryDate <= addDays(today, warningDays) ? 'expiring' : 'valid';
}

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export function toEvidenceResponse(row: EvidenceRow, warningDays: number): EvidenceResponse {
  return {
    id: row.id,
    model_id: row.model_id,
    model: { id: row.model_id, provider: row.model_provider, model: row.model_model, version: row.model_version },
    filename: row.filename,
    size: Number(row.size),
    mimetype: row.mimetype,
    sha256: row.sha256,
    evidence_type: row.evidence_type,
    description: row.description,
    expiry_date: row.expiry_date,
    expiry_status: expiryStatusOf(row.expiry_date, warningDays),
    upload_date: iso(row.upload_date),
    uploaded_by: { id: row.uploaded_by_user_id, name: row.uploader_name, email: row.uploader_email },
  };
}

/** The entry of the model's `security_assessment_data`, in the seed's shape. */
export function toSecurityAssessmentFile(row: Pick<EvidenceRow, 'id' | 'filename' | 'size' | 'mimetype' | 'upload_date' | 'uploaded_by_user_id'>): SecurityAssessmentFile {
  return { id: row.id, filename: row.filename, size: Number(row.size), mimetype: row.mimetype, upload_date: iso(row.upload_date), uploaded_by: row.uploaded_by_user_id ?? 0 };
}

/** The webhook `data` of an expiry event, from the stored row (JSON of `model_evidence`): no storage key, no organisation. */
export function toStoredEvidenceEvent(stored: Record<string, unknown>): { model: { id: number }; evidence: Record<string, unknown> } {
  const pick = (key: string) => stored[key] ?? null;
  return {
    model: { id: Number(stored['model_id']) },
    evidence: {
      id: pick('id'),
      model_id: pick('model_id'),
      filename: pick('filename'),
      size: Number(stored['size']),
      mimetype: pick('mimetype'),
      sha256: pick('sha256'),
      evidence_type: pick('evidence_type'),
      description: pick('description'),
      expiry_date: pick('expiry_date'),
      expiry_state: pick('expiry_state'),
      upload_date: pick('upload_date'),
      uploaded_by: { id: pick('uploaded_by_user_id') },
    },
  };
}
