import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus } from '@model-inventory/contracts';
import { aRisk } from '@model-inventory/web-risks-data-access';
import { groupRiskRows, TableRow } from './risk-rows';

function describeRows(rows: TableRow[]): string[] {
  return rows.map((row) => (row.kind === 'group' ? `# ${row.label} (${row.count})` : row.risk.risk_name));
}

describe('groupRiskRows', () => {
  const claude = { id: 2, is_deleted: false, model: 'Claude', provider: 'Anthropic', version: '3.5' };
  const risks = [
    aRisk({ id: 1, owner: 'ada@acme.test', risk_category: ModelRiskCategory.SECURITY, risk_level: ModelRiskLevel.LOW, risk_name: 'A' }),
    aRisk({ id: 2, model: claude, model_id: 2, owner: 'Grace', risk_level: ModelRiskLevel.CRITICAL, risk_name: 'B', status: ModelRiskStatus.RESOLVED }),
    aRisk({ id: 3, owner: 'ADA@acme.test', risk_category: ModelRiskCategory.BIAS, risk_level: ModelRiskLevel.HIGH, risk_name: 'C', status: ModelRiskStatus.IN_PROGRESS }),
  ];

  it('keeps the API order when not grouping', () => {
    expect(describeRows(groupRiskRows(risks, 'none'))).toEqual(['A', 'B', 'C']);
  });

  it('puts the most severe level first', () => {
    expect(describeRows(groupRiskRows(risks, 'level'))).toEqual(['# Critical (1)', 'B', '# High (1)', 'C', '# Low (1)', 'A']);
  });

  it('orders statuses as the workflow does and categories as the API lists them', () => {
    expect(describeRows(groupRiskRows(risks, 'status'))).toEqual(['# Open (1)', 'A', '# In Progress (1)', 'C', '# Resolved (1)', 'B']);
    expect(describeRows(groupRiskRows(risks, 'category'))).toEqual(['# Performance (1)', 'B', '# Bias & Fairness (1)', 'C', '# Security (1)', 'A']);
  });

  it('groups by model and by owner (regardless of case), alphabetically', () => {
    expect(describeRows(groupRiskRows(risks, 'model'))).toEqual(['# Claude 3.5 · Anthropic (1)', 'B', '# GPT-4o 2024-08-06 · OpenAI (2)', 'A', 'C']);
    expect(describeRows(groupRiskRows(risks, 'owner'))).toEqual(['# ada@acme.test (2)', 'A', 'C', '# Grace (1)', 'B']);
  });
});
