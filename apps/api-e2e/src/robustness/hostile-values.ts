import fc from 'fast-check';

const INT32_MAX = 2_147_483_647;

/** A JSON array nested `depth` levels deep, as a value (built iteratively). */
export function nestedArray(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** The JSON text of an array nested `depth` levels deep; JSON.stringify would overflow its own stack on it. */
export const deepJson = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** Values that broke or could break a server: each is a class of input, not a guess at one field. */
export const HOSTILE_VALUES: readonly unknown[] = [
  null,
  '',
  ' ',
  'abc\u0000def',
  '\u0000',
  '\ud800',
  'x'.repeat(20_000),
  "' OR 1=1 --",
  '%_\\',
  '<script>alert(1)</script>',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ✓',
  INT32_MAX + 1,
  -INT32_MAX - 2,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1,
  0,
  1.5,
  true,
  [],
  {},
  [null],
  [INT32_MAX + 1],
  ['\u0000'],
  { $ne: 1 },
  { __proto__: { admin: true } },
  nestedArray(40),
  { a: nestedArray(40) },
];

/** Strings for query parameters, sent raw (percent-escapes included as they are). */
export const HOSTILE_QUERY_VALUES: readonly string[] = [
  '%00',
  'a%00b',
  '%ZZ',
  '%',
  '',
  '-1',
  '0',
  '1.5',
  '1e400',
  String(INT32_MAX + 1),
  '99999999999999999999',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('x'.repeat(5_000)),
  'true',
  'null',
  '[]',
  encodeURIComponent('{"$ne":1}'),
  encodeURIComponent('%_\\'),
  encodeURIComponent('𝔘✓'),
  'asc:desc',
];

export const hostileValue = (): fc.Arbitrary<unknown> => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_VALUES) }, { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) });
