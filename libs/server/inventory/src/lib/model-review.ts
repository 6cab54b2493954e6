import { MaterialField, ModelInventoryResponse, ModelStatus } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import type { OrganizationRules } from './settings/organization-settings.repository';
import { StatusDecision } from './status-decisions';

const REVIEWED = [ModelStatus.APPROVED, ModelStatus.RESTRICTED];

/** The material fields a change touches, when the organisation's re-review rule watches this model; none otherwise. */
export function materialChanges(rules: OrganizationRules, before: ModelInventoryResponse, after: ModelInventoryResponse): MaterialField[] {
  if (!rules.review_on_material_change || !REVIEWED.includes(before.status)) return [];
  return rules.material_fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * What a material change to an approved model decides: the status sent in the same request (an approver's
 * re-approval, or another decision), else back to Pending with the reason recorded as the model's rationale.
 */
export function reviewDecision(before: ModelInventoryResponse, requested: { status?: ModelStatus; status_rationale?: string }, fields: MaterialField[]): { decision: StatusDecision; forced: boolean } {
  if (requested.status !== undefined && requested.status !== ModelStatus.PENDING) {
    return { decision: { from: before.status, to: requested.status, rationale: requested.status_rationale ?? null }, forced: false };
  }
  const reason = `Review required: ${fields.join(', ')} changed while the model was ${before.status}.`;
  return { decision: { from: before.status, to: ModelStatus.PENDING, rationale: reason }, forced: true };
}

/** With `require_status_rationale` on, a decision to Approved, Restricted or Blocked says why. */
export function assertRationaleGiven(rules: OrganizationRules, decision: StatusDecision | null): void {
  if (rules.require_status_rationale && decision && decision.to !== ModelStatus.PENDING && !decision.rationale) {
    throw ValidationFailedError.forField('status_rationale', `status_rationale is required to set ${decision.to}: the organisation's rule require_status_rationale is on`);
  }
}
