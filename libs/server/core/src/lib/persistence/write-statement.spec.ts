import { RequestContext } from '../context/request-context';
import { Role } from '@model-inventory/contracts';
import { insertRow, updateRow } from './row-writes';
import { sql, TENANT } from './sql';
import { WriteStatement, WriteStatementError } from './write-statement';

describe(WriteStatement.name, () => {
  it('renders named parts in order, binding every value and the organisation once', () => {
    const statement = new WriteStatement(7);
    const written = statement.part('written', insertRow('widgets', { name: 'Dial', size: sql`${3}::int` }), 'tenant');
    statement.part('audit', sql`INSERT INTO widget_log (widget_id, note) SELECT id, ${'created'} FROM ${written}`, { through: written });
    const { text, values } = statement.build(sql`SELECT id, ${TENANT} AS org FROM ${written}`);
    expect(text).toBe(
      'WITH written AS (INSERT INTO widgets (organization_id, name, size)\n' +
        '             SELECT $1, $2, $3::int WHERE true\n' +
        '             RETURNING *),\n' +
        'audit AS (INSERT INTO widget_log (widget_id, note) SELECT id, $4 FROM written)\n' +
        'SELECT id, $1 AS org FROM written',
    );
    expect(values).toEqual([7, 'Dial', 3, 'created']);
  });

  it('never turns a value into SQL text', () => {
    const { text, values } = new WriteStatement(1).build(sql`SELECT ${"1; DROP TABLE users; --"} AS x`);
    expect(text).toBe('SELECT $1 AS x');
    expect(values).toEqual(['1; DROP TABLE users; --']);
  });

  it('refuses a second part with the same name', () => {
    const statement = new WriteStatement(7);
    statement.part('written', insertRow('widgets', { name: 'a' }), 'tenant');
    expect(() => statement.part('written', insertRow('widgets', { name: 'b' }), 'tenant')).toThrow(new WriteStatementError('the statement already has a part named written'));
  });

  it('refuses a write part that is not kept to the actor organisation', () => {
    const statement = new WriteStatement(7);
    expect(() => statement.part('stray', sql`UPDATE widgets SET name = ${'x'} WHERE id = ${1}`, 'tenant')).toThrow(/never names TENANT/);
    expect(() => statement.part('stray', sql`DELETE FROM widgets WHERE id = ${1}`, 'reference-data')).toThrow(/writes, so it cannot be scoped as reference data/);
  });

  it('refuses a part scoped through a part it does not read, or through a part that is not there', () => {
    const statement = new WriteStatement(7);
    const written = statement.part('written', updateRow('widgets', 1, { name: 'x' }), 'tenant');
    expect(() => statement.part('log', sql`INSERT INTO widget_log (note) VALUES (${'x'})`, { through: written })).toThrow(/scoped through written but does not read it/);
    const elsewhere = new WriteStatement(7).part('other', insertRow('widgets', { name: 'y' }), 'tenant');
    expect(() => statement.part('log', sql`INSERT INTO widget_log (widget_id) SELECT id FROM ${elsewhere}`, { through: elsewhere })).toThrow(/reads other, which is not an earlier part/);
  });

  it('keeps row writes to the organisation: updates match only its rows, inserts stamp it', () => {
    const { text } = new WriteStatement(7).build(updateRow('widgets', 5, { name: 'x' }));
    expect(text).toContain('WHERE id = $2 AND organization_id = $3 AND true');
  });

  it('is built for the organisation of the current actor', () => {
    const actor = { organizationId: 42, role: Role.Editor, userId: 1, name: 'Ed', email: 'ed@example.com' };
    expect(RequestContext.runAs(actor, () => WriteStatement.forActor().organizationId)).toBe(42);
    expect(RequestContext.runAsSystem(43, 'MLflow sync', () => WriteStatement.forActor().organizationId)).toBe(43);
  });
});

describe('sql', () => {
  it('accepts only plain identifiers as SQL names', () => {
    expect(() => sql.identifier('users; --')).toThrow(/not a plain SQL identifier/);
    expect(() => sql.identifier('Robert')).toThrow();
    expect(sql.identifier('model.status').strings).toEqual(['model.status']);
  });

  it('refuses to render the organisation outside a write statement', async () => {
    const { renderSql } = await import('./sql');
    expect(() => renderSql(sql`SELECT ${TENANT}`, [])).toThrow(/only a WriteStatement can bind/);
  });
});
