import {
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskResponse,
  ModelRiskStatus,
  ModelRiskSummary,
  RISK_RATINGS,
  RISK_TRANSITIONS,
  RiskMatrix,
  RiskRating,
} from '@model-inventory/contracts';

/** A complete risk as the API returns it, for tests; `allowed_transitions` follows the status unless given. */
export function aRisk(overrides: Partial<ModelRiskResponse> = {}): ModelRiskResponse {
  const status = overrides.status ?? ModelRiskStatus.OPEN;
  const isDeleted = overrides.is_deleted ?? false;
  return {
    accepted_at: null,
    accepted_by: null,
    accepted_by_name: null,
    allowed_transitions: isDeleted ? [] : [...RISK_TRANSITIONS[status]],
    created_at: '2026-01-05T09:00:00.000Z',
    current_values: null,
    deleted_at: null,
    description: 'Answers degrade on tickets written in languages other than English.',
    id: 1,
    impact: RiskRating.HIGH,
    is_deleted: isDeleted,
    key_metrics: null,
    likelihood: RiskRating.MEDIUM,
    mitigation_plan: null,
    model: { id: 1, is_deleted: false, model: 'GPT-4o', provider: 'OpenAI', version: '2024-08-06' },
    model_id: 1,
    organization_id: 7,
    overdue: false,
    owner: 'risk.officer@acme.test',
    risk_category: ModelRiskCategory.PERFORMANCE,
    risk_level: ModelRiskLevel.HIGH,
    risk_name: 'Accuracy drops on non-English tickets',
    status,
    target_date: '2026-03-31',
    threshold: null,
    updated_at: '2026-01-05T09:00:00.000Z',
    version_number: 1,
    ...overrides,
  };
}

/** Summary counts for tests; every bucket present. */
export function aRiskSummary(overrides: Partial<ModelRiskSummary> = {}): ModelRiskSummary {
  return {
    by_category: { 'Bias & Fairness': 1, Compliance: 1, 'Data Quality': 0, Performance: 3, Security: 2 },
    by_level: { Critical: 1, High: 2, Low: 3, Medium: 1 },
    by_status: { Accepted: 1, 'In Progress': 2, Open: 3, Resolved: 1 },
    overdue: 2,
    total: 7,
    ...overrides,
  };
}

/** A matrix with the given counts (`'High|Medium': 2` is impact High, likelihood Medium); every other cell 0. */
export function aRiskMatrix(counts: Readonly<Record<string, number>> = {}, unrated = 0): RiskMatrix {
  const cells = RISK_RATINGS.flatMap((impact) =>
    RISK_RATINGS.map((likelihood) => ({ count: counts[`${impact}|${likelihood}`] ?? 0, impact, likelihood })),
  );
  return { cells, total: cells.reduce((sum, cell) => sum + cell.count, unrated), unrated };
}
