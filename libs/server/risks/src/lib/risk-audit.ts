import { ModelRiskRequest, ModelRiskResponse, ModelRiskStatus, OPEN_RISK_STATUSES, RISK_TRANSITIONS } from '@model-inventory/contracts';
import { AuditedEntity } from '@model-inventory/server-history';

/** The fields a risk's trail follows, in the order its Activity tab lists them. */
export const RISK_AUDITED_FIELDS = [
  'risk_name',
  'risk_category',
  'risk_level',
  'status',
  'owner',
  'target_date',
  'model_id',
  'impact',
  'likelihood',
  'description',
  'mitigation_plan',
  'key_metrics',
  'current_values',
  'threshold',
] as const satisfies readonly (keyof ModelRiskResponse & keyof ModelRiskRequest)[];

export type RiskAuditFields = Pick<ModelRiskResponse, (typeof RISK_AUDITED_FIELDS)[number]>;

/** Risks record history (`change_history.entity_type = 'risk'`); they emit no automation events. */
export const RISK_ENTITY: AuditedEntity<RiskAuditFields> = {
  type: 'risk',
  payloadKey: 'risk',
  auditedFields: RISK_AUDITED_FIELDS,
  events: {},
};

export const isOpen = (status: ModelRiskStatus) => OPEN_RISK_STATUSES.includes(status);

/** Where a risk may go from `status`; keeping the status is always allowed and is not a transition. */
export function allowedTransitions(status: ModelRiskStatus): ModelRiskStatus[] {
  return [...RISK_TRANSITIONS[status]];
}

/** Null when `from` → `to` is allowed (or no change); otherwise the reason, naming the allowed next states. */
export function transitionRefusal(from: ModelRiskStatus, to: ModelRiskStatus): string | null {
  if (from === to || RISK_TRANSITIONS[from].includes(to)) return null;
  const allowed = RISK_TRANSITIONS[from];
  return `A risk cannot move from ${from} to ${to}; from ${from} it can move to ${allowed.join(' or ')}.`;
}
