/**
 * One SQL statement assembled from data-modifying CTEs that several modules contribute. PostgreSQL runs
 * a statement atomically, so a write and its audit rows commit together without BEGIN/COMMIT round trips,
 * and row locks taken inside it are released at its own commit rather than after the client answers.
 *
 * Each part is written with its own `$1…$n` placeholders; they are renumbered when the part is added, so
 * parts must not contain `$` for anything else (no dollar quoting).
 */
export class ComposedStatement {
  private readonly parts: string[] = [];
  private readonly values: unknown[] = [];

  /** Adds `name AS (sql)`; later parts may select from earlier ones by name. */
  with(name: string, sql: string, params: readonly unknown[] = []): this {
    this.parts.push(`${name} AS (${this.renumber(sql, params)})`);
    return this;
  }

  /** The whole statement, ending with `select` (which may use placeholders of its own). */
  build(select: string, params: readonly unknown[] = []): { text: string; values: unknown[] } {
    const tail = this.renumber(select, params);
    return { text: this.parts.length ? `WITH ${this.parts.join(',\n')}\n${tail}` : tail, values: [...this.values] };
  }

  private renumber(sql: string, params: readonly unknown[]): string {
    const offset = this.values.length;
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
      const index = Number(n);
      if (index < 1 || index > params.length) throw new Error(`placeholder $${n} has no parameter (${params.length} given)`);
      return `$${index + offset}`;
    });
    this.values.push(...params);
    return text;
  }
}
