import { NestExpressApplication } from '@nestjs/platform-express';
import { AutomationEvent } from '@model-inventory/contracts';
import { AutomationModule, EventRegistry } from '@model-inventory/server-automation';
import { Actor, currentRow, insertRow, RequestContext, sql, TENANT, updateRow, WriteStatement } from '@model-inventory/server-core';
import { AuditedEntity, AuditedWriter, ChangeHistoryService, HistoryModule } from '@model-inventory/server-history';
import { createTestApp, registerOrganization, TestSession } from '@model-inventory/server-testing';
import { DataSource } from 'typeorm';

/** A second entity type, declared by this test as a domain module would declare its own. */
interface Widget {
  name: string;
  size: number;
}

const WIDGET: AuditedEntity<Widget> = {
  type: 'widget',
  payloadKey: 'widget',
  auditedFields: ['name', 'size'],
  events: { created: 'widget_added', updated: 'widget_updated' },
};

const actorOf = (session: TestSession): Actor => ({ organizationId: session.organizationId, role: session.user.role, userId: session.user.id, name: session.user.name, email: session.user.email });

describe('the audited write serves any entity type (real PostgreSQL)', () => {
  let app: NestExpressApplication;
  let dataSource: DataSource;
  let writer: AuditedWriter;
  let acme: TestSession;
  let globex: TestSession;

  beforeAll(async () => {
    app = await createTestApp([AutomationModule, HistoryModule]);
    dataSource = app.get(DataSource);
    writer = app.get(AuditedWriter);
    app.get(EventRegistry).register(...(['widget_added', 'widget_updated'] as unknown as AutomationEvent[]).map((name) => ({ name, present: (stored: object) => stored as never })));
    await dataSource.query(`CREATE TABLE IF NOT EXISTS test_widgets (
      id serial PRIMARY KEY, organization_id integer NOT NULL REFERENCES organizations(id), name text NOT NULL,
      size integer NOT NULL DEFAULT 1, created_at timestamptz NOT NULL DEFAULT now())`);
    [acme, globex] = await Promise.all([registerOrganization(app), registerOrganization(app)]);
  });

  afterAll(async () => {
    await dataSource.query('DROP TABLE IF EXISTS test_widgets');
    await app.close();
  });

  const history = (session: TestSession, id: number) =>
    RequestContext.runAs(actorOf(session), () => app.get(ChangeHistoryService).page('widget', id, { limit: 50, offset: 0 }));
  const events = (id: number) => dataSource.query(`SELECT event, payload FROM automation_events WHERE payload -> 'widget' ->> 'id' = $1 ORDER BY id`, [String(id)]);

  function create(session: TestSession, widget: Partial<Widget> & { name: string }) {
    return RequestContext.runAs(actorOf(session), async () => {
      const statement = WriteStatement.forActor();
      const subject = statement.part('written_widget', insertRow('test_widgets', widget), 'tenant');
      const row = await writer.writeAlone(statement, { entity: WIDGET, action: 'created', subject, before: null, after: { size: 1, ...widget } }, sql`SELECT * FROM ${subject}`);
      return row as { id: number; organization_id: number; size: number };
    });
  }

  it('writes a widget with its history rows and an event whose payload is the row as written, database defaults included', async () => {
    const widget = await create(acme, { name: 'Dial' });
    expect(widget).toMatchObject({ organization_id: acme.organizationId, size: 1 });
    const { items } = await history(acme, widget.id);
    expect(items.map(({ action, field_name, new_value, changed_by_user_id }) => ({ action, field_name, new_value, changed_by_user_id }))).toEqual([
      { action: 'created', field_name: 'size', new_value: '1', changed_by_user_id: acme.user.id },
      { action: 'created', field_name: 'name', new_value: 'Dial', changed_by_user_id: acme.user.id },
    ]);
    const [event] = await events(widget.id);
    expect(event.event).toBe('widget_added');
    expect(event.payload.widget).toEqual({ id: widget.id, organization_id: acme.organizationId, name: 'Dial', size: 1, created_at: expect.any(String) });
  });

  it("never touches another organisation's row: the update matches nothing and records nothing", async () => {
    const theirs = await create(globex, { name: 'Theirs' });
    const changed = await RequestContext.runAs(actorOf(acme), () => {
      const statement = WriteStatement.forActor();
      const subject = statement.part('written_widget', updateRow('test_widgets', theirs.id, { name: 'Taken' }), 'tenant');
      return writer.writeAlone(statement, { entity: WIDGET, action: 'updated', subject, before: { name: 'Theirs', size: 1 }, after: { name: 'Taken', size: 1 } }, sql`SELECT * FROM ${subject}`);
    });
    expect(changed).toBeUndefined();
    const [row] = await dataSource.query('SELECT name FROM test_widgets WHERE id = $1', [theirs.id]);
    expect(row.name).toBe('Theirs');
    expect((await history(globex, theirs.id)).items.every((entry) => entry.action === 'created')).toBe(true);
    expect((await events(theirs.id)).map((e: { event: string }) => e.event)).toEqual(['widget_added']);
  });

  it('attributes a job’s write to the system by name', async () => {
    const widget = await create(acme, { name: 'Synced' });
    await RequestContext.runAsSystem(acme.organizationId, 'Widget sync', () => {
      const statement = WriteStatement.forActor();
      const subject = statement.part('written_widget', updateRow('test_widgets', widget.id, { size: 5 }), 'tenant');
      return writer.writeAlone(statement, { entity: WIDGET, action: 'updated', subject, before: { name: 'Synced', size: 1 }, after: { name: 'Synced', size: 5 } });
    });
    const [latest] = (await history(acme, widget.id)).items;
    expect(latest).toMatchObject({ action: 'updated', field_name: 'size', old_value: '1', new_value: '5', changed_by_user_id: null, changed_by_name: 'Widget sync', changed_by_email: null });
    const updated = (await events(widget.id)).find((e: { event: string }) => e.event === 'widget_updated');
    expect(updated.payload).toMatchObject({ widget: { size: 5 }, previous: { size: 1 }, changes: [{ field_name: 'size', old_value: '1', new_value: '5' }] });
  });

  it('records a write made through TypeORM in the same transaction, and nothing when that transaction rolls back', async () => {
    const widget = await create(acme, { name: 'Plain' });
    const rename = (name: string, fail: boolean) =>
      RequestContext.runAs(actorOf(acme), () =>
        dataSource.transaction(async (manager) => {
          await manager.query('UPDATE test_widgets SET name = $2 WHERE id = $1', [widget.id, name]);
          const statement = WriteStatement.forActor();
          const subject = statement.part('saved_widget', currentRow('test_widgets', widget.id), 'tenant');
          await writer.recordWritten(manager, statement, { entity: WIDGET, action: 'updated', subject, before: { name: 'Plain', size: 1 }, after: { name, size: 1 } });
          if (fail) throw new Error('a later step failed');
        }),
      );
    await expect(rename('Rolled back', true)).rejects.toThrow('a later step failed');
    expect((await history(acme, widget.id)).total).toBe(2);
    await rename('Renamed', false);
    const { items, total } = await history(acme, widget.id);
    expect(total).toBe(3);
    expect(items[0]).toMatchObject({ action: 'updated', field_name: 'name', old_value: 'Plain', new_value: 'Renamed' });
  });

  it('writes every row of a cascade with its own history and event, in one statement', async () => {
    const [a, b] = [await create(acme, { name: 'Cascade A' }), await create(acme, { name: 'Cascade B' })];
    await RequestContext.runAs(actorOf(acme), () => {
      const statement = WriteStatement.forActor();
      const subject = statement.part(
        'grown_widgets',
        sql`UPDATE test_widgets SET size = size + 1 WHERE organization_id = ${TENANT} AND id = ANY(${[a.id, b.id]}::int[]) RETURNING *`,
        'tenant',
      );
      return writer.writeAlone(statement, { entity: WIDGET, action: 'updated', subject, before: null, after: null, notes: [{ field_name: 'size', old_value: null, new_value: 'grown together' }] });
    });
    for (const widget of [a, b]) {
      expect((await history(acme, widget.id)).items[0]).toMatchObject({ action: 'updated', field_name: 'size', new_value: 'grown together' });
      expect((await events(widget.id)).map((e: { event: string }) => e.event)).toEqual(['widget_added', 'widget_updated']);
    }
  });
});
