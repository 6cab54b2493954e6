import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, ModelStatus } from '../inventory/enums';
import { ModelInventoryListQuery } from '../inventory/model-inventory';
import { ModelRiskListQuery, RiskRating } from '../risks/model-risk';

/** What a share link shows: the model register or the risk register. */
export const SHARE_RESOURCES = ['models', 'risks'] as const;
export type ShareResource = (typeof SHARE_RESOURCES)[number];

/** `summary`: the register's key columns; `all`: every field of the register's own data. */
export const SHARE_FIELD_SETS = ['summary', 'all'] as const;
export type ShareFieldSet = (typeof SHARE_FIELD_SETS)[number];

/** The list filters of the shared register, as its list endpoint accepts them (without paging). */
export type ShareFilters = Omit<ModelInventoryListQuery, 'limit' | 'offset'> | Omit<ModelRiskListQuery, 'limit' | 'offset'>;

export interface CreateShareLinkRequest {
  resource: ShareResource;
  filters?: ShareFilters;
  fields: ShareFieldSet;
  allow_export: boolean;
  /** ISO date-time in the future; absent or null: the link does not expire. */
  expires_at?: string | null;
}

/** PATCH: enable or disable the link, or change its expiry (null: never expires). */
export interface UpdateShareLinkRequest {
  enabled?: boolean;
  expires_at?: string | null;
}

export interface ShareLinkResponse {
  id: number;
  resource: ShareResource;
  filters: ShareFilters;
  fields: ShareFieldSet;
  allow_export: boolean;
  expires_at: string | null;
  enabled: boolean;
  /** Set once the link is revoked; a revoked link never works again. */
  revoked_at: string | null;
  /** Null once the creator's account is removed. */
  created_by: { id: number; name: string } | null;
  created_at: string;
  last_accessed_at: string | null;
  access_count: number;
}

/** Returned once, at creation: the token is never shown again (only its hash is stored). */
export interface CreatedShareLinkResponse extends ShareLinkResponse {
  token: string;
  /** The console's public page for the link. */
  url: string;
}

/** A model as a share link shows it. `summary` has only the first five fields. */
export interface SharedModel {
  provider: string;
  model: string;
  version: string;
  status: ModelStatus;
  status_date: string;
  approver?: string;
  capabilities?: string[];
  security_assessment?: boolean;
  reference_link?: string;
  biases?: string;
  limitations?: string;
  hosting_provider?: string;
  updated_at?: string;
}

/** A risk as a share link shows it. `summary` has only the first five fields. */
export interface SharedRisk {
  risk_name: string;
  risk_level: ModelRiskLevel;
  risk_category: ModelRiskCategory;
  status: ModelRiskStatus;
  target_date: string;
  owner?: string;
  model?: { provider: string; model: string; version: string };
  description?: string | null;
  mitigation_plan?: string | null;
  impact?: RiskRating | null;
  likelihood?: RiskRating | null;
  key_metrics?: string | null;
  current_values?: string | null;
  threshold?: string | null;
  overdue?: boolean;
  updated_at?: string;
}

/** `GET /api/public/shares/:token`: one page of the shared view. */
export interface SharedViewResponse {
  resource: ShareResource;
  fields: ShareFieldSet;
  allow_export: boolean;
  expires_at: string | null;
  items: Array<SharedModel | SharedRisk>;
  total: number;
  limit: number;
  offset: number;
}
