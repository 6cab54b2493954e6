// SQL that has PostgreSQL write API JSON itself, byte for byte as JSON.stringify would (see JsonPage).

/** SQL rendering a timestamptz exactly as `Date#toISOString()` does (UTC, milliseconds truncated, `Z`); null stays null. */
export const isoTimestampSql = (expression: string): string =>
  `to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * SQL of a JSON object (as text) whose keys are the output columns of `columns` (a SELECT list), in that order,
 * written as JSON.stringify writes an object: no whitespace, the same escapes. Nested objects and arrays must be
 * built the same way (row_to_json, array columns, `compactJsonbSql`): json_build_object would add spaces.
 */
export const jsonRowSql = (columns: string): string => `(SELECT row_to_json(json_row)::text FROM (SELECT ${columns}) json_row)`;

/** A jsonb value as compact json (jsonb prints `{"a": 1}`; JSON.stringify, and so the API, `{"a":1}`): drops the whitespace outside strings. */
export const compactJsonbSql = (expression: string): string =>
  `regexp_replace((${expression})::text, '("(?:[^"\\\\]|\\\\.)*")|\\s*([:,])\\s*', '\\1\\2', 'g')::json`;
