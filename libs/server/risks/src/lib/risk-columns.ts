import { ModelRiskStatus } from '@model-inventory/contracts';
import { ModelRiskDto } from './dto/model-risk.dto';
import { isOpen, RISK_AUDITED_FIELDS, RiskAuditFields } from './risk-audit';
import { Acceptance, RiskColumns } from './risk-statements';
import { RiskRow } from './risks.mapper';

/** What a create or a change computes before it writes, the same for one risk and for a batch. */

export const unknownModelMessage = (modelId: number) => `model_id ${modelId} is not a model of your organisation (or it is deleted)`;

/** The columns a body writes. PUT replaces: optional fields left out become null. */
export function columnsOf(dto: ModelRiskDto, status: ModelRiskStatus): RiskColumns {
  return {
    risk_name: dto.risk_name,
    risk_category: dto.risk_category,
    risk_level: dto.risk_level,
    status,
    owner: dto.owner,
    target_date: dto.target_date,
    description: dto.description ?? null,
    mitigation_plan: dto.mitigation_plan ?? null,
    impact: dto.impact ?? null,
    likelihood: dto.likelihood ?? null,
    key_metrics: dto.key_metrics ?? null,
    current_values: dto.current_values ?? null,
    threshold: dto.threshold ?? null,
    model_id: dto.model_id,
  };
}

/** A PATCH's columns: what was sent replaces what is stored, the rest is kept. */
export function patchedColumns(before: RiskRow, sent: object): RiskColumns {
  const present = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined));
  const merged = { ...auditFields(before), ...present } as ModelRiskDto;
  return columnsOf(merged, merged.status ?? before.status);
}

export function auditFields(row: RiskRow): RiskAuditFields {
  return Object.fromEntries(RISK_AUDITED_FIELDS.map((field) => [field, row[field]])) as RiskAuditFields;
}

/** Who accepted: set by `actorId` when the risk becomes Accepted, cleared when it is reopened from Accepted. */
export function acceptanceChange(from: ModelRiskStatus, to: ModelRiskStatus, actorId: number | null): Acceptance {
  if (from === to) return 'keep';
  if (to === ModelRiskStatus.ACCEPTED) return { by: actorId };
  return from === ModelRiskStatus.ACCEPTED ? 'clear' : 'keep';
}

/** Adds the open-risk counts a change moves (out of the old model, into the new one, as the statuses say) to `deltas`. */
export function addOpenDeltas(deltas: Map<number, number>, before: Pick<RiskRow, 'model_id' | 'status'> | null, after: RiskColumns): Map<number, number> {
  const add = (modelId: number, delta: number) => deltas.set(modelId, (deltas.get(modelId) ?? 0) + delta);
  if (before && isOpen(before.status)) add(before.model_id, -1);
  if (isOpen(after.status)) add(after.model_id, 1);
  return deltas;
}
