import { inputSafetyErrors, MAX_INPUT_DEPTH } from './input-safety';

const nested = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe(inputSafetyErrors.name, () => {
  it('accepts ordinary input', () => {
    expect(inputSafetyErrors({ provider: 'OpenAI', capabilities: ['a', 'b'], projects: [1] }, 'body')).toEqual([]);
  });

  it('names each top-level field holding a NUL character, however deep', () => {
    const errors = inputSafetyErrors({ version: 'a\u0000b', biases: 'fine', nested: { list: ['x', 'y\u0000'] } }, 'body');
    expect(errors).toEqual([
      { field: 'version', message: 'version must not contain NUL characters' },
      { field: 'nested', message: 'nested must not contain NUL characters' },
    ]);
  });

  it('names a field nested deeper than the limit without recursing (no stack overflow at 100,000 levels)', () => {
    expect(inputSafetyErrors({ capabilities: nested(100_000) }, 'body')).toEqual([
      { field: 'capabilities', message: `capabilities is nested more than ${MAX_INPUT_DEPTH} levels deep` },
    ]);
  });

  it('accepts nesting up to the limit', () => {
    expect(inputSafetyErrors({ data: nested(MAX_INPUT_DEPTH - 2) }, 'body')).toEqual([]);
  });

  it('names the root when the value itself is the problem', () => {
    expect(inputSafetyErrors(nested(5_000), 'body')[0].field).toBe('body');
    expect(inputSafetyErrors('%\u0000', 'approver')).toEqual([{ field: 'approver', message: 'approver must not contain NUL characters' }]);
  });

  it('refuses half a surrogate pair and accepts a whole one', () => {
    expect(inputSafetyErrors({ email: 'a\ud800b@example.com' }, 'body')[0]).toEqual({ field: 'email', message: 'email must be valid Unicode text (it holds half of a surrogate pair)' });
    expect(inputSafetyErrors({ name: '\udc00' }, 'body')).toHaveLength(1);
    expect(inputSafetyErrors({ name: '𝔘𝔫𝔦 ✓' }, 'body')).toEqual([]);
  });

  it('refuses NUL characters in property names', () => {
    expect(inputSafetyErrors({ 'a\u0000': 1 }, 'body')).toEqual([{ field: 'body', message: 'body has a property name that contains a NUL character' }]);
  });
});
