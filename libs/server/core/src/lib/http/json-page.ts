import type { Page } from '@model-inventory/contracts';
import type { Response } from 'express';

/**
 * A page whose items PostgreSQL already rendered as JSON text (`jsonRowSql`), so a list's rows
 * never become JavaScript objects on the way out: no row parsing, no mapping, no JSON.stringify of the page. On
 * the cheap list queries that work was as much CPU as the query itself (docs/benchmarks.md, "Model risks").
 */
export class JsonPage<T> {
  constructor(
    readonly items: readonly string[],
    readonly total: number,
    readonly limit: number,
    readonly offset: number,
  ) {}

  /** The response body: the bytes JSON.stringify of `toPage()` would give. */
  toJson(): string {
    return `{"items":[${this.items.join(',')}],"total":${this.total},"limit":${this.limit},"offset":${this.offset}}`;
  }

  /** The page as objects, for callers that reshape items (share links). */
  toPage(): Page<T> {
    return { items: this.items.map((item) => JSON.parse(item) as T), total: this.total, limit: this.limit, offset: this.offset };
  }
}

/** Sends `page` as the JSON body of a `@Res({ passthrough: true })` handler: return what this returns. */
export function sendJsonPage<T>(res: Response, page: JsonPage<T>): string {
  res.type('application/json');
  return page.toJson();
}

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
