import type { Page } from '@model-inventory/contracts';
import type { Response } from 'express';

/**
 * A page whose items PostgreSQL already rendered as JSON text (`jsonRowSql`, persistence/json-sql.ts), so a list's rows
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

  /**
   * The page of a list statement whose rows carry the item as `json` and the total of the matches as `total_count`;
   * past the last page no row carries the total, so `countPastEnd` counts the matches.
   */
  static async fromRows<T>(rows: ReadonlyArray<{ json: string; total_count: string }>, limit: number, offset: number, countPastEnd: () => Promise<number>): Promise<JsonPage<T>> {
    const total = rows.length > 0 ? Number(rows[0].total_count) : offset === 0 ? 0 : await countPastEnd();
    return new JsonPage<T>(rows.map((row) => row.json), total, limit, offset);
  }

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
