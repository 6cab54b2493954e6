import { Sql, sql, TENANT } from './sql';

/** Column → value; a value may be SQL (a cast, an expression such as `version_number + 1`). */
export type RowValues = Record<string, unknown>;

const columnList = (row: RowValues) => sql.join(Object.keys(row).map(sql.identifier));
const valueList = (row: RowValues) => sql.join(Object.values(row).map((value) => (value instanceof Sql ? value : sql`${value}`)));

/**
 * A subject part for a WriteStatement: inserts one row stamped with the actor's organisation, only when
 * `when` holds, and returns it as written (`RETURNING *`, database defaults included).
 */
export function insertRow(table: string, row: RowValues, { when = sql`true` }: { when?: Sql } = {}): Sql {
  return sql`INSERT INTO ${sql.identifier(table)} (organization_id, ${columnList(row)})
             SELECT ${TENANT}, ${valueList(row)} WHERE ${when}
             RETURNING *`;
}

/**
 * A subject part: updates the row `id` of the actor's organisation, only when `when` holds, and returns
 * it as written. Another organisation's row is never touched: it is not matched.
 */
export function updateRow(table: string, id: number, set: RowValues, { when = sql`true` }: { when?: Sql } = {}): Sql {
  const assignments = sql.join(Object.entries(set).map(([column, value]) => sql`${sql.identifier(column)} = ${value instanceof Sql ? value : sql`${value}`}`));
  return sql`UPDATE ${sql.identifier(table)} SET ${assignments}
              WHERE id = ${id} AND organization_id = ${TENANT} AND ${when}
              RETURNING *`;
}

/** A subject part that reads the row `id` of the actor's organisation as it now is (for writes made through TypeORM in the same transaction). */
export function currentRow(table: string, id: number): Sql {
  return sql`SELECT * FROM ${sql.identifier(table)} WHERE id = ${id} AND organization_id = ${TENANT}`;
}

/** A subject part that yields a row that no longer exists (a hard delete), from its last known values. */
export function formerRow(table: string, row: object): Sql {
  return sql`SELECT * FROM jsonb_populate_record(NULL::${sql.identifier(table)}, ${JSON.stringify(row)}::jsonb) WHERE organization_id = ${TENANT}`;
}
