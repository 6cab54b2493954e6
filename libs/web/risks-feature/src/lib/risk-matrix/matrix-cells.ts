import { ModelRiskLevel, RISK_RATINGS, RiskMatrix, RiskRating } from '@model-inventory/contracts';

export interface MatrixCell {
  impact: RiskRating;
  likelihood: RiskRating;
  count: number;
  /** The level a risk in this cell reads as: the heat map's colour. */
  severity: ModelRiskLevel;
  selected: boolean;
}

export interface MatrixRow {
  impact: RiskRating;
  cells: MatrixCell[];
}

/**
 * The severity of a cell from its score, impact × likelihood on 1–5 each: 1–4 Low, 5–9 Medium, 10–14 High,
 * 15–25 Critical (the usual 5 × 5 bands: the top-right corner is critical, the bottom-left low).
 */
export function cellSeverity(impact: RiskRating, likelihood: RiskRating): ModelRiskLevel {
  const score = (RISK_RATINGS.indexOf(impact) + 1) * (RISK_RATINGS.indexOf(likelihood) + 1);
  if (score >= 15) return ModelRiskLevel.CRITICAL;
  if (score >= 10) return ModelRiskLevel.HIGH;
  if (score >= 5) return ModelRiskLevel.MEDIUM;
  return ModelRiskLevel.LOW;
}

/**
 * The matrix as it is drawn: impact from Very High (top row) down to Very Low, likelihood from Very Low (left) to
 * Very High; every cell present, with zero when the API (or no answer yet) has none.
 */
export function matrixRows(matrix: RiskMatrix | null, selected: { impact: RiskRating | null; likelihood: RiskRating | null }): MatrixRow[] {
  const counts = new Map((matrix?.cells ?? []).map((cell) => [`${cell.impact}|${cell.likelihood}`, cell.count]));
  return [...RISK_RATINGS].reverse().map((impact) => ({
    cells: RISK_RATINGS.map((likelihood) => ({
      count: counts.get(`${impact}|${likelihood}`) ?? 0,
      impact,
      likelihood,
      selected: selected.impact === impact && selected.likelihood === likelihood,
      severity: cellSeverity(impact, likelihood),
    })),
    impact,
  }));
}
