/**
 * SQL text and bound values kept apart by type: a `sql` template's literal parts are SQL, everything
 * interpolated is a bound parameter, unless it is itself SQL (a nested fragment, an identifier, a part of a
 * WriteStatement, or the actor's organisation). Nothing a caller passes as a value can become SQL text.
 */
export class Sql {
  /** @internal use the `sql` tag */
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}
}

/** A named CTE of a WriteStatement; interpolated, it renders as its name. */
export class PartRef {
  /** @internal use WriteStatement.part */
  constructor(readonly name: string) {}
}

/** Interpolated, renders as the bound id of the organisation a WriteStatement writes for. */
export const TENANT = Object.freeze({ toString: () => '[the actor organisation]' });

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql([...strings], values);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** A table or column name; only lower-case SQL identifiers (optionally `alias.column`) are accepted. */
sql.identifier = (name: string): Sql => {
  if (!IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return new Sql([name], []);
};

/** Fragments joined by `separator` (`, ` by default). */
sql.join = (fragments: readonly Sql[], separator: Sql = new Sql([', '], [])): Sql => {
  if (fragments.length === 0) return new Sql([''], []);
  const strings = [''];
  const values: unknown[] = [];
  fragments.forEach((fragment, i) => {
    if (i > 0) {
      values.push(separator);
      strings.push('');
    }
    values.push(fragment);
    strings.push('');
  });
  return new Sql(strings, values);
};

/** What rendering found in a fragment: the parts it reads from and whether it names the organisation. */
export interface SqlUsage {
  refs: Set<string>;
  usesTenant: boolean;
}

export function usageOf(fragment: Sql): SqlUsage {
  const usage: SqlUsage = { refs: new Set(), usesTenant: false };
  const stack: unknown[] = [fragment];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value instanceof Sql) stack.push(...value.values);
    else if (value instanceof PartRef) usage.refs.add(value.name);
    else if (value === TENANT) usage.usesTenant = true;
  }
  return usage;
}

/**
 * Renders `fragment` to text with `$n` placeholders, appending its bound values to `values`. `tenant`
 * is the organisation id; it is bound once per statement, however often a fragment names it.
 */
export function renderSql(fragment: Sql, values: unknown[], tenant?: { id: number; placeholder?: string }): string {
  let text = fragment.strings[0];
  fragment.values.forEach((value, i) => {
    if (value instanceof Sql) text += renderSql(value, values, tenant);
    else if (value instanceof PartRef) text += value.name;
    else if (value === TENANT) {
      if (!tenant) throw new Error('this SQL names the actor organisation, which only a WriteStatement can bind');
      if (!tenant.placeholder) {
        values.push(tenant.id);
        tenant.placeholder = `$${values.length}`;
      }
      text += tenant.placeholder;
    } else {
      values.push(value);
      text += `$${values.length}`;
    }
    text += fragment.strings[i + 1];
  });
  return text;
}
