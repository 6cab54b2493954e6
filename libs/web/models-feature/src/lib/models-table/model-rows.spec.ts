import { ModelStatus } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { groupRows, TableRow } from './model-rows';

const names = { frameworks: new Map([[1, 'EU AI Act']]), projects: new Map([[11, 'Support bot'], [12, 'Credit scoring']]) };

function describeRows(rows: TableRow[]): string[] {
  return rows.map((row) => (row.kind === 'group' ? `# ${row.label} (${row.count})` : row.model.model));
}

describe('groupRows', () => {
  const models = [
    aModel({ id: 1, model: 'A', projects: [12], provider: 'openai', status: ModelStatus.PENDING }),
    aModel({ id: 2, model: 'B', projects: [], provider: 'Anthropic', status: ModelStatus.APPROVED }),
    aModel({ id: 3, model: 'C', projects: [11, 12], provider: 'OpenAI', status: ModelStatus.BLOCKED }),
  ];

  it('keeps the API order when not grouping', () => {
    expect(describeRows(groupRows(models, 'none', names))).toEqual(['A', 'B', 'C']);
  });

  it('groups by status in the order of the summary cards', () => {
    expect(describeRows(groupRows(models, 'status', names))).toEqual(['# Approved (1)', 'B', '# Pending (1)', 'A', '# Blocked (1)', 'C']);
  });

  it('groups providers regardless of case', () => {
    expect(describeRows(groupRows(models, 'provider', names))).toEqual(['# Anthropic (1)', 'B', '# openai (2)', 'A', 'C']);
  });

  it('lists a model under each of its projects and puts models without one last', () => {
    expect(describeRows(groupRows(models, 'project', names))).toEqual([
      '# Credit scoring (2)',
      'A',
      'C',
      '# Support bot (1)',
      'C',
      '# No project (1)',
      'B',
    ]);
  });
});
