import { ModelRiskLevel, RISK_RATINGS, RiskRating } from '@model-inventory/contracts';
import { aRiskMatrix } from '@model-inventory/web-risks-data-access';
import { cellSeverity, matrixRows } from './matrix-cells';

describe('risk matrix cells', () => {
  it('colours the cells by severity: the bottom-left corner low, the top-right critical', () => {
    const grid = [...RISK_RATINGS].reverse().map((impact) => RISK_RATINGS.map((likelihood) => cellSeverity(impact, likelihood)[0]).join(''));

    expect(grid).toEqual(['MHCCC', 'LMHCC', 'LMMHC', 'LLMMH', 'LLLLM']);
    expect(cellSeverity(RiskRating.VERY_LOW, RiskRating.VERY_LOW)).toBe(ModelRiskLevel.LOW);
    expect(cellSeverity(RiskRating.VERY_HIGH, RiskRating.VERY_HIGH)).toBe(ModelRiskLevel.CRITICAL);
  });

  it('draws impact from the top down and likelihood left to right, with every count and the chosen cell', () => {
    const rows = matrixRows(aRiskMatrix({ 'High|Medium': 3, 'Very High|Very Low': 1 }), { impact: RiskRating.HIGH, likelihood: RiskRating.MEDIUM });

    expect(rows.map((row) => row.impact)).toEqual(['Very High', 'High', 'Medium', 'Low', 'Very Low']);
    expect(rows[0].cells.map((cell) => cell.likelihood)).toEqual(['Very Low', 'Low', 'Medium', 'High', 'Very High']);
    expect(rows[0].cells[0].count).toBe(1);
    expect(rows[1].cells[2]).toEqual({ count: 3, impact: 'High', likelihood: 'Medium', selected: true, severity: 'High' });
    expect(rows.flatMap((row) => row.cells).filter((cell) => cell.selected)).toHaveLength(1);
  });

  it('draws an empty matrix before the counts arrive', () => {
    expect(matrixRows(null, { impact: null, likelihood: null }).flatMap((row) => row.cells.map((cell) => cell.count))).toEqual(Array(25).fill(0));
  });
});
