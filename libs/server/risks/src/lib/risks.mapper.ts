import { ModelRiskResponse, OPEN_RISK_STATUSES, RiskChangeHistoryEntry } from '@model-inventory/contracts';
import { EntityFieldChange } from '@model-inventory/server-history';
import { ModelRiskEntity } from './entities/model-risk.entity';
import { allowedTransitions } from './risk-audit';

/** A risk as the repository and the write statements read it: its columns, its model's name and its accepter. */
export interface RiskRow extends ModelRiskEntity {
  model_provider: string;
  model_model: string;
  model_version: string;
  model_deleted: boolean;
  accepted_by_name: string | null;
}

/** Today's date (UTC), which decides what is overdue. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);

export function isOverdue(row: Pick<ModelRiskEntity, 'target_date' | 'status'>, today: string): boolean {
  return row.target_date < today && OPEN_RISK_STATUSES.includes(row.status);
}

export function toModelRiskResponse(row: RiskRow, today: string = todayUtc()): ModelRiskResponse {
  return {
    id: row.id,
    organization_id: row.organization_id,
    risk_name: row.risk_name,
    risk_category: row.risk_category,
    risk_level: row.risk_level,
    status: row.status,
    owner: row.owner,
    target_date: row.target_date,
    description: row.description,
    mitigation_plan: row.mitigation_plan,
    impact: row.impact,
    likelihood: row.likelihood,
    key_metrics: row.key_metrics,
    current_values: row.current_values,
    threshold: row.threshold,
    model_id: row.model_id,
    model: { id: row.model_id, provider: row.model_provider, model: row.model_model, version: row.model_version, is_deleted: row.model_deleted },
    overdue: isOverdue(row, today),
    allowed_transitions: row.is_deleted ? [] : allowedTransitions(row.status),
    accepted_by: row.accepted_by_user_id,
    accepted_by_name: row.accepted_by_name,
    accepted_at: row.accepted_at ? row.accepted_at.toISOString() : null,
    is_deleted: row.is_deleted,
    deleted_at: row.deleted_at ? row.deleted_at.toISOString() : null,
    version_number: row.version_number,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}

export const toRiskHistoryEntry = ({ entity_id, ...entry }: EntityFieldChange): RiskChangeHistoryEntry => ({ ...entry, model_risk_id: entity_id });

/** A strong ETag that changes with every write of the risk. */
export const riskEtagOf = (risk: Pick<ModelRiskResponse, 'id' | 'version_number'>) => `"risk-${risk.id}-v${risk.version_number}"`;
