import fc from 'fast-check';
import { hostileValue, HOSTILE_QUERY_VALUES } from './hostile-values';
import { Parameter, Schema } from './openapi-operations';

/** A value the schema describes, or near it: the generator must get past the first rule to reach the deeper ones. */
export function plausibleValue(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return plausibleString(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 1_000, 2 ** 31) });
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 3 ? fc.constant([]) : fc.array(valueFor(schema.items ?? {}, depth + 1), { maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFor(schema, depth + 1);
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

function plausibleString(schema: Schema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
    case 'uri':
    case 'url':
      return fc.webUrl();
    default:
      return fc.oneof(fc.string({ maxLength: schema.maxLength ?? 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.webUrl(), fc.emailAddress());
  }
}

/** Mostly plausible, sometimes hostile, at every level. */
export function valueFor(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: plausibleValue(schema, depth) }, { weight: 2, arbitrary: hostileValue() });
}

/** Each documented property present or absent, plus now and then a property the schema does not know. */
export function objectFor(schema: Schema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const known = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, valueFor(property, depth)])), { requiredKeys: [] });
  const unknown = fc.option(fc.dictionary(fc.constantFrom('organization_id', 'id', 'is_deleted', '__proto__', 'constructor', 'x'), hostileValue(), { maxKeys: 2 }), { nil: undefined });
  return fc.tuple(known, unknown).map(([values, extra]) => ({ ...extra, ...values }));
}

/** A request body for the schema; one time in ten something that is not an object at all. */
export function bodyFor(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const object = schema && (schema.type === 'object' || schema.properties) ? objectFor(schema) : fc.object({ maxDepth: 2 });
  return fc.oneof({ weight: 9, arbitrary: object }, { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 3 }), hostileValue()) });
}

/** A raw query string (`a=1&b=%00`) over the declared query parameters, each absent, plausible or hostile, sometimes repeated. */
export function queryFor(parameters: Parameter[]): fc.Arbitrary<string> {
  const query = parameters.filter((parameter) => parameter.in === 'query');
  const pairs = query.map((parameter) =>
    fc.option(
      fc.array(
        fc.oneof(
          plausibleValue(parameter.schema.type === 'array' ? (parameter.schema.items ?? {}) : parameter.schema).map((value) => encodeURIComponent(String(value))),
          fc.constantFrom(...HOSTILE_QUERY_VALUES),
        ),
        { minLength: 1, maxLength: 2 },
      ).map((values) => values.map((value) => `${encodeURIComponent(parameter.name)}=${value}`).join('&')),
      { nil: undefined, freq: 3 },
    ),
  );
  const stray = fc.option(fc.constantFrom('search[$ne]=1', 'limit[]=1', 'unknown=%00', `${'x'.repeat(300)}=1`), { nil: undefined, freq: 4 });
  return fc.tuple(fc.tuple(...pairs), stray).map(([values, extra]) => [...values, extra].filter((v) => v !== undefined).join('&'));
}
