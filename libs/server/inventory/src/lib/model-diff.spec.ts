import { diffModels } from './model-diff';

const model = {
  provider: 'OpenAI',
  model: 'GPT-4',
  version: '1.0',
  approver: 'a@example.com',
  capabilities: ['chat'],
  security_assessment: false,
  status: 'Pending',
  status_date: '2025-01-17',
  reference_link: 'https://example.com',
  biases: 'b',
  limitations: 'l',
  hosting_provider: 'Cloud',
  projects: [1],
  frameworks: [],
} as unknown as Parameters<typeof diffModels>[0];

describe(diffModels.name, () => {
  it('records every field of a new model, links and capabilities included', () => {
    const rows = diffModels(null, model);
    expect(rows.find((r) => r.field_name === 'capabilities')).toEqual({ field_name: 'capabilities', old_value: null, new_value: '["chat"]' });
    expect(rows.find((r) => r.field_name === 'projects')?.new_value).toBe('[1]');
    expect(rows).toHaveLength(14);
  });

  it('records only the fields that changed', () => {
    const rows = diffModels(model, { ...model!, status: 'Approved', frameworks: [2, 3] } as typeof model);
    expect(rows).toEqual([
      { field_name: 'status', old_value: 'Pending', new_value: 'Approved' },
      { field_name: 'frameworks', old_value: '[]', new_value: '[2,3]' },
    ]);
  });

  it('records what a deleted model was', () => {
    const rows = diffModels(model, null);
    expect(rows.every((r) => r.new_value === null)).toBe(true);
    expect(rows.find((r) => r.field_name === 'model')?.old_value).toBe('GPT-4');
  });
});
