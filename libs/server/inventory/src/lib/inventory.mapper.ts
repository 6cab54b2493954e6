import { ModelInventoryResponse, ModelStatusDecision } from '@model-inventory/contracts';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import type { StatusDecisionRow } from './inventory.repository';

export interface ModelLinks {
  projects: number[];
  frameworks: number[];
}

export const NO_LINKS: ModelLinks = { projects: [], frameworks: [] };

export function toModelInventoryResponse(model: ModelInventoryEntity, links: ModelLinks = NO_LINKS): ModelInventoryResponse {
  return {
    id: model.id,
    organization_id: model.organization_id,
    provider: model.provider,
    model: model.model,
    version: model.version,
    approver: model.approver,
    capabilities: model.capabilities,
    security_assessment: model.security_assessment,
    status: model.status,
    status_date: model.status_date,
    reference_link: model.reference_link,
    biases: model.biases,
    limitations: model.limitations,
    hosting_provider: model.hosting_provider,
    security_assessment_data: model.security_assessment_data ?? [],
    is_demo: model.is_demo,
    projects: links.projects,
    frameworks: links.frameworks,
    open_risk_count: model.open_risk_count,
    approved_by: model.approved_by_name ? { id: model.approved_by_user_id ?? null, name: model.approved_by_name } : null,
    approved_at: model.approved_at ? new Date(model.approved_at).toISOString() : null,
    status_rationale: model.status_rationale ?? null,
    version_number: model.version_number,
    created_at: model.created_at.toISOString(),
    updated_at: model.updated_at.toISOString(),
  };
}

/** A strong ETag that changes with every write of the model. */
export const etagOf = (model: Pick<ModelInventoryResponse, 'id' | 'version_number'>) => `"mi-${model.id}-v${model.version_number}"`;

export function toStatusDecision(row: StatusDecisionRow): ModelStatusDecision {
  return {
    id: row.id,
    model_id: row.model_id,
    from_status: row.from_status,
    to_status: row.to_status,
    rationale: row.rationale,
    decided_by: { id: row.decided_by_user_id, name: row.decided_by_name },
    decided_at: new Date(row.decided_at).toISOString(),
  };
}
