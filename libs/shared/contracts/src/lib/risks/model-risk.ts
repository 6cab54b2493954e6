import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus } from '../inventory/enums';

/** The five-point scale of a risk's impact and likelihood; the risk matrix is built on it. */
export enum RiskRating {
  VERY_LOW = 'Very Low',
  LOW = 'Low',
  MEDIUM = 'Medium',
  HIGH = 'High',
  VERY_HIGH = 'Very High',
}

export const RISK_RATINGS: readonly RiskRating[] = [RiskRating.VERY_LOW, RiskRating.LOW, RiskRating.MEDIUM, RiskRating.HIGH, RiskRating.VERY_HIGH];

/**
 * The seed's risk management flow: Open → In Progress → Resolved; In Progress → Accepted; Resolved or Accepted
 * reopen to Open. Keeping the status is not a transition.
 */
export const RISK_TRANSITIONS: Readonly<Record<ModelRiskStatus, readonly ModelRiskStatus[]>> = {
  [ModelRiskStatus.OPEN]: [ModelRiskStatus.IN_PROGRESS],
  [ModelRiskStatus.IN_PROGRESS]: [ModelRiskStatus.RESOLVED, ModelRiskStatus.ACCEPTED],
  [ModelRiskStatus.RESOLVED]: [ModelRiskStatus.OPEN],
  [ModelRiskStatus.ACCEPTED]: [ModelRiskStatus.OPEN],
};

/** Statuses that still need work: they count as a model's open risks, and their passed target date makes them overdue. */
export const OPEN_RISK_STATUSES: readonly ModelRiskStatus[] = [ModelRiskStatus.OPEN, ModelRiskStatus.IN_PROGRESS];

export const RISK_TEXT_MAX = 10_000;

export interface ModelRiskRequest {
  risk_name: string;
  risk_category: ModelRiskCategory;
  risk_level: ModelRiskLevel;
  /** Open when absent on create; kept when absent on PUT. */
  status?: ModelRiskStatus;
  owner: string;
  /** `YYYY-MM-DD`; a past date is allowed (the risk is then overdue). */
  target_date: string;
  description?: string | null;
  mitigation_plan?: string | null;
  impact?: RiskRating | null;
  likelihood?: RiskRating | null;
  key_metrics?: string | null;
  current_values?: string | null;
  threshold?: string | null;
  model_id: number;
}

export type CreateModelRiskRequest = ModelRiskRequest;
/** A full update: every field as on create; optional fields left out are cleared. */
export type UpdateModelRiskRequest = ModelRiskRequest;
/** A partial update: fields left out are kept; `null` clears an optional field; `status` alone is a transition. */
export type PatchModelRiskRequest = Partial<ModelRiskRequest>;

/** The most risks one batch create takes (the request body is also limited to 256 kB). */
export const RISK_BATCH_MAX = 100;

/** A batch create (`POST /api/modelRisks/batch`): every risk is written with its history, or none is. */
export interface CreateModelRisksRequest {
  items: CreateModelRiskRequest[];
}

/** One risk's change in a batch: its id, and the fields to change as in a PATCH. */
export type PatchModelRiskItem = PatchModelRiskRequest & { id: number };

/**
 * A batch change (`PATCH /api/modelRisks/batch`), e.g. a triage moving many risks to In Progress: each item follows
 * the PATCH rules and the workflow; every change is written with its history, or none is.
 */
export interface PatchModelRisksRequest {
  items: PatchModelRiskItem[];
}

/** The risks a batch wrote, in the order they were sent. */
export interface ModelRiskBatch {
  items: ModelRiskResponse[];
}

/** The model a risk belongs to, as risk lists show it. */
export interface RiskModelSummary {
  id: number;
  provider: string;
  model: string;
  version: string;
  /** True when the model itself is deleted (its risks are then deleted too). */
  is_deleted: boolean;
}

export interface ModelRiskResponse {
  id: number;
  organization_id: number;
  risk_name: string;
  risk_category: ModelRiskCategory;
  risk_level: ModelRiskLevel;
  status: ModelRiskStatus;
  owner: string;
  target_date: string;
  description: string | null;
  mitigation_plan: string | null;
  impact: RiskRating | null;
  likelihood: RiskRating | null;
  key_metrics: string | null;
  current_values: string | null;
  threshold: string | null;
  model_id: number;
  model: RiskModelSummary;
  /** Target date passed and status not Resolved or Accepted. */
  overdue: boolean;
  /** The statuses a change may move this risk to now (none while it is deleted). */
  allowed_transitions: ModelRiskStatus[];
  accepted_by: number | null;
  accepted_by_name: string | null;
  accepted_at: string | null;
  is_deleted: boolean;
  deleted_at: string | null;
  version_number: number;
  created_at: string;
  updated_at: string;
}

export const RISK_FILTERS = ['active', 'deleted', 'all'] as const;
export type RiskFilter = (typeof RISK_FILTERS)[number];

export const MODEL_RISK_SORT_FIELDS = ['risk_name', 'risk_level', 'risk_category', 'status', 'owner', 'target_date', 'model', 'created_at', 'updated_at'] as const;
export type ModelRiskSortField = (typeof MODEL_RISK_SORT_FIELDS)[number];

export interface ModelRiskListQuery {
  limit?: number;
  offset?: number;
  filter?: RiskFilter;
  model_id?: number;
  risk_level?: ModelRiskLevel[];
  risk_category?: ModelRiskCategory[];
  status?: ModelRiskStatus[];
  owner?: string;
  overdue?: boolean;
  impact?: RiskRating;
  likelihood?: RiskRating;
  /** Case-insensitive match on the risk name. */
  search?: string;
  /** `field:asc|desc`; `risk_level` sorts by severity. */
  sort?: string;
}

export interface ModelRiskSummary {
  total: number;
  overdue: number;
  by_level: Record<ModelRiskLevel, number>;
  by_status: Record<ModelRiskStatus, number>;
  by_category: Record<ModelRiskCategory, number>;
}

export interface RiskMatrixCell {
  impact: RiskRating;
  likelihood: RiskRating;
  count: number;
}

export interface RiskMatrix {
  /** All 25 cells, impact-major in RISK_RATINGS order, zeros included. */
  cells: RiskMatrixCell[];
  /** Risks of the view without an impact or a likelihood. */
  unrated: number;
  total: number;
}
