/** The kinds of document that prove a model was assessed; a fixed list. */
export const EVIDENCE_TYPES = [
  'Model Card',
  'Security Assessment Report',
  'Risk Assessment Report',
  'Bias and Fairness Report',
  'DPIA',
  'Robustness/Stress Test',
  'Evaluation Metrics Summary',
  'Human Oversight Plan',
  'Third-party Audit',
  'Conformity Assessment',
  'Vendor Model Documentation',
  'Internal Approval Record',
  'Other',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The evidence that satisfies the approval gate. */
export const APPROVAL_EVIDENCE_TYPE: EvidenceType = 'Security Assessment Report';

/** The multipart fields of `POST /api/modelInventory/:id/evidence` besides `file`. */
export interface UploadEvidenceFields {
  evidence_type: EvidenceType;
  description?: string;
  /** YYYY-MM-DD; a past date is accepted (the evidence is then expired at once). */
  expiry_date?: string;
}

export const EVIDENCE_DESCRIPTION_MAX = 2000;
export const EVIDENCE_FILENAME_MAX = 200;

/** `none`: no expiry date; `expiring`: expires within the warning period; `expired`: the date has passed. */
export const EVIDENCE_EXPIRY_STATUSES = ['none', 'valid', 'expiring', 'expired'] as const;
export type EvidenceExpiryStatus = (typeof EVIDENCE_EXPIRY_STATUSES)[number];

export interface EvidenceUploader {
  id: number | null;
  name: string | null;
  email: string | null;
}

export interface EvidenceResponse {
  id: number;
  model_id: number;
  /** The model's provider, name and version, for lists across models. */
  model: { id: number; provider: string; model: string; version: string };
  /** Sanitised, for display only; the download's name. */
  filename: string;
  size: number;
  /** Decided from the content, not from the name or the declared type. */
  mimetype: string;
  sha256: string;
  evidence_type: EvidenceType;
  description: string | null;
  expiry_date: string | null;
  expiry_status: EvidenceExpiryStatus;
  upload_date: string;
  uploaded_by: EvidenceUploader;
}

export const EVIDENCE_SORT_FIELDS = ['upload_date', 'filename', 'evidence_type', 'expiry_date', 'size', 'model'] as const;

export interface EvidenceListQuery {
  limit?: number;
  offset?: number;
  evidence_type?: EvidenceType[];
  model_id?: number;
  uploaded_by?: number;
  /** Not yet expired, expiring within this many days. */
  expiring_within_days?: number;
  /** true: only expired evidence; false: only unexpired (or undated) evidence. */
  expired?: boolean;
  /** Case-insensitive match on filename and description. */
  search?: string;
  /** `field:asc|desc`, e.g. `expiry_date:asc`. */
  sort?: string;
}


export const EVIDENCE_EVENTS = ['evidence_expiring', 'evidence_expired'] as const;

/** `POST /api/evidence/purge` (Admin): removes the bytes of evidence deleted before the retention period. */
export interface EvidencePurgeRequest {
  /** Only report what would be purged. */
  dry_run?: boolean;
}

export interface EvidencePurgeResponse {
  dry_run: boolean;
  /** EVIDENCE_RETENTION_DAYS: deleted evidence keeps its bytes at least this long. */
  retention_days: number;
  /** Evidence deleted before this instant is past its retention period. */
  deleted_before: string;
  /** Files whose bytes were (or, in a dry run, would be) removed. */
  purged: number;
  /** Their total size. */
  bytes: number;
  /** Past retention but stored where this server cannot reach (an S3 bucket no longer configured): left as they are. */
  other_backend: number;
}
