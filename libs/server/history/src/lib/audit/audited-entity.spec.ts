import { auditText, diffFields } from './audited-entity';

const FIELDS = ['provider', 'model', 'capabilities', 'status', 'projects', 'frameworks'] as const;
type Fields = { provider: string; model: string; capabilities: string[]; status: string; projects: number[]; frameworks: number[] };

const model: Fields = { provider: 'OpenAI', model: 'GPT-4', capabilities: ['chat'], status: 'Pending', projects: [1], frameworks: [] };

describe(diffFields.name, () => {
  it('records every field of a new entity, arrays included as JSON', () => {
    const rows = diffFields(FIELDS, null, model);
    expect(rows.find((r) => r.field_name === 'capabilities')).toEqual({ field_name: 'capabilities', old_value: null, new_value: '["chat"]' });
    expect(rows.find((r) => r.field_name === 'projects')?.new_value).toBe('[1]');
    expect(rows).toHaveLength(FIELDS.length);
  });

  it('records only the fields that changed, in the declared order', () => {
    expect(diffFields(FIELDS, model, { ...model, frameworks: [2, 3], status: 'Approved' })).toEqual([
      { field_name: 'status', old_value: 'Pending', new_value: 'Approved' },
      { field_name: 'frameworks', old_value: '[]', new_value: '[2,3]' },
    ]);
  });

  it('records what a deleted entity was', () => {
    const rows = diffFields(FIELDS, model, null);
    expect(rows.every((r) => r.new_value === null)).toBe(true);
    expect(rows.find((r) => r.field_name === 'model')?.old_value).toBe('GPT-4');
  });

  it('ignores fields it does not follow', () => {
    expect(diffFields(['status'], model, { ...model, provider: 'Anthropic' })).toEqual([]);
  });
});

describe(auditText.name, () => {
  it.each([
    [null, null],
    [undefined, null],
    [false, 'false'],
    [3, '3'],
    ['text', 'text'],
    [[1, 2], '[1,2]'],
  ])('shows %p as %p', (value, text) => expect(auditText(value)).toBe(text));
});
