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
  /** Increases with every change; the ETag is derived from it. */
  version_number: number;
  created_at: string;
  updated_at: string;
}

export interface CreateModelInventoryRequest {
  provider: string;
  model: string;
  version: string;
  approver: string;
  capabilities: string[];
  security_assessment?: boolean;
  status?: ModelStatus;
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
