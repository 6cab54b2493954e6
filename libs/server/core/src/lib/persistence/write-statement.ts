import { RequestContext } from '../context/request-context';
import { PartRef, renderSql, Sql, sql, TENANT, usageOf } from './sql';

/**
 * How a part is kept to the actor's organisation:
 * - `tenant`: the part itself names `TENANT` (filters or stamps `organization_id`);
 * - `{ through }`: it only touches rows reached through an earlier part that is itself scoped, e.g. the link
 *   rows of the model that part wrote;
 * - `reference-data`: it only reads installation-wide reference data (frameworks); it may not write.
 */
export type PartScope = 'tenant' | { through: PartRef } | 'reference-data';

export class WriteStatementError extends Error {}

const WRITES = /^\s*(insert|update|delete|merge)\b/i;
const PART_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * One SQL statement of data-modifying CTEs that several modules contribute, for one organisation: PostgreSQL
 * runs a statement atomically, so a write and its audit rows commit together without BEGIN/COMMIT round trips.
 * Parts are named (a second part with a name is refused) and every part must show how it is kept to the
 * organisation (a part that does not is refused), so no module can write another organisation's rows.
 */
export class WriteStatement {
  private readonly parts = new Map<string, { fragment: Sql; scope: PartScope }>();

  constructor(readonly organizationId: number) {}

  /** For the organisation of the current actor (a user's request, or a job running as the system). */
  static forActor(): WriteStatement {
    return new WriteStatement(RequestContext.requireActor().organizationId);
  }

  /** Adds `name AS (fragment)`; later parts and the final select may read it through the returned ref. */
  part(name: string, fragment: Sql, scope: PartScope): PartRef {
    if (!PART_NAME.test(name)) throw new WriteStatementError(`part name ${JSON.stringify(name)} is not a plain SQL identifier`);
    if (this.parts.has(name)) throw new WriteStatementError(`the statement already has a part named ${name}`);
    const usage = usageOf(fragment);
    for (const ref of usage.refs) {
      if (!this.parts.has(ref)) throw new WriteStatementError(`part ${name} reads ${ref}, which is not an earlier part of this statement`);
    }
    this.assertScoped(name, fragment, scope, usage);
    this.parts.set(name, { fragment, scope });
    return new PartRef(name);
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /** The whole statement, ending with `select` (typically reading the parts through their refs). */
  build(select: Sql): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const tenant = { id: this.organizationId };
    const ctes = [...this.parts].map(([name, { fragment }]) => `${name} AS (${renderSql(fragment, values, tenant)})`);
    const tail = renderSql(select, values, tenant);
    return { text: ctes.length ? `WITH ${ctes.join(',\n')}\n${tail}` : tail, values };
  }

  private assertScoped(name: string, fragment: Sql, scope: PartScope, usage: ReturnType<typeof usageOf>): void {
    if (scope === 'tenant') {
      if (!usage.usesTenant) throw new WriteStatementError(`part ${name} is declared tenant-scoped but never names TENANT (the actor's organisation)`);
      return;
    }
    if (scope === 'reference-data') {
      if (WRITES.test(renderSql(fragment, [], { id: 0 }))) throw new WriteStatementError(`part ${name} writes, so it cannot be scoped as reference data`);
      return;
    }
    if (!usage.refs.has(scope.through.name)) throw new WriteStatementError(`part ${name} is scoped through ${scope.through.name} but does not read it`);
  }
}

/** Convenience for the final select of a statement that returns nothing but must run its parts. */
export const SELECT_NOTHING = sql`SELECT 1`;

export { TENANT };
