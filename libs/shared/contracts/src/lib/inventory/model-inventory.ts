import { ModelStatus } from './enums';

/** One uploaded security-assessment file; written by the server only (evidence uploads). */
export interface SecurityAssessmentFile {
  id: number;
  filename: string;
  size: number;
  mimetype: string;
  upload_date: string;
  uploaded_by: number;
}

export interface ModelInventoryResponse {
  id: number;
  organization_id: number;
  provider: string;
  model: string;
  version: string;
  approver: string;
  capabilities: string[];
  security_assessment: boolean;
  status: ModelStatus;
  /** ISO date, `YYYY-MM-DD`. */
  status_date: string;
  reference_link: string;
  biases: string;
  limitations: string;
  hosting_provider: string;
  security_assessment_data: SecurityAssessmentFile[];
  is_demo: boolean;
  projects: number[];
  frameworks: number[];
  /** Its risks that are Open or In Progress (deleted risks do not count). */
  open_risk_count: number;
  /** Who made the latest decision that set the status to Approved, Restricted or Blocked; null while Pending. */
  approved_by: StatusDecider | null;
  /** When that decision was made (ISO 8601); null while Pending. */
  approved_at: string | null;
  /** Why, as the decider wrote it; null when no rationale was given or while Pending. */
  status_rationale: string | null;
  /** Increases with every change; the ETag is derived from it. */
  version_number: number;
  created_at: string;
  updated_at: string;
}

/** A user who decided a status (id null once the account is removed, or for the system). */
export interface StatusDecider {
  id: number | null;
  name: string;
}

/** One status decision on a model: `GET /api/modelInventory/:id/approvals`. */
export interface ModelStatusDecision {
  id: number;
  model_id: number;
  /** Null for the status a model was created with. */
  from_status: ModelStatus | null;
  to_status: ModelStatus;
  rationale: string | null;
  decided_by: StatusDecider;
  decided_at: string;
}

/** The longest `status_rationale` accepted. */
export const STATUS_RATIONALE_MAX_LENGTH = 2000;

export interface CreateModelInventoryRequest {
  provider: string;
  model: string;
  version: string;
  approver: string;
  capabilities: string[];
  security_assessment?: boolean;
  status?: ModelStatus;
  /**
   * Why the status is set (Approved, Restricted or Blocked only); recorded with the decision. Sent with the
   * current status, it records a re-approval.
   */
  status_rationale?: string;
  status_date: string;
  reference_link: string;
  biases: string;
  limitations: string;
  hosting_provider: string;
  projects?: number[];
  frameworks?: number[];
  /**
   * Accepted so that clients written from the seed's example work, and ignored: the server owns this list
   * (the model's evidence files).
   */
  security_assessment_data?: unknown[];
}

export type UpdateModelInventoryRequest = Partial<CreateModelInventoryRequest>;

export const MODEL_INVENTORY_SORT_FIELDS = ['provider', 'model', 'version', 'approver', 'status', 'status_date', 'security_assessment', 'open_risk_count', 'created_at', 'updated_at'] as const;
export type ModelInventorySortField = (typeof MODEL_INVENTORY_SORT_FIELDS)[number];

export interface ModelInventoryListQuery {
  limit?: number;
  offset?: number;
  search?: string;
  status?: ModelStatus[];
  provider?: string;
  approver?: string;
  security_assessment?: boolean;
  project_id?: number;
  framework_id?: number;
  include_demo?: boolean;
  /** true: only models with an Open or In Progress risk; false: only models without. */
  has_open_risks?: boolean;
  /** `field:asc` or `field:desc`, e.g. `status_date:desc`. */
  sort?: string;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
