import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { SnapshotCounts } from '@model-inventory/contracts';
import { AppConfig, CoreConfigModule, currentRow, LoggingModule, RequestContext, WriteStatement } from '@model-inventory/server-core';
import { AuditedEntity, AuditedWriter, CountedFields, FieldChange, HistoryWorkerModule } from '@model-inventory/server-history';
import { DatabaseModule, QueueModule } from '@model-inventory/server-platform';
import { TestSession } from '@model-inventory/server-testing';
import { DataSource, EntityManager } from 'typeorm';

export async function startHistoryWorker(config: AppConfig): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [CoreConfigModule.forRoot('worker', { ...config, role: 'worker' }), DatabaseModule, LoggingModule, QueueModule, HistoryWorkerModule],
  }).compile();
  return moduleRef.init();
}

/** `YYYY-MM-DD` of today (UTC) plus `offset` days. */
export const utcDay = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function insertModel(manager: EntityManager, organizationId: number, fields: CountedFields): Promise<number> {
  const [row] = await manager.query(
    `INSERT INTO model_inventories (organization_id, provider, model, version, approver, capabilities, security_assessment, status,
       status_date, reference_link, biases, limitations, hosting_provider)
     VALUES ($1, 'OpenAI', 'GPT-4', '1.0', 'approver@example.com', '{text}', $2, $3, CURRENT_DATE, 'https://example.com', '', '', 'Cloud')
     RETURNING id`,
    [organizationId, fields.security_assessment, fields.status],
  );
  return row.id;
}

/** A model as these tests write it: only what the snapshots count; the history rows are given as notes. */
const COUNTED_MODEL: AuditedEntity<CountedFields> = { type: 'model', payloadKey: 'model', auditedFields: [], events: {}, counted: (fields) => fields };

/**
 * Model writes the way the inventory service makes them: the row, its history and its snapshot in one
 * transaction. Rows are written with SQL so these tests do not depend on the inventory module.
 */
export function modelWrites(app: INestApplicationContext) {
  const dataSource = app.get(DataSource);
  const writer = app.get(AuditedWriter);

  /** The history rows and snapshot of one write, recorded by the audited writer in the write's transaction. */
  const record = (manager: EntityManager, session: TestSession, id: number, action: 'created' | 'updated' | 'deleted', diff: FieldChange[], before: CountedFields | null, after: CountedFields | null) => {
    const actor = { organizationId: session.organizationId, role: session.user.role, userId: session.user.id, name: session.user.name, email: session.user.email };
    return RequestContext.runAs(actor, () => {
      const statement = WriteStatement.forActor();
      const subject = statement.part('written', currentRow('model_inventories', id), 'tenant');
      return writer.recordWritten(manager, statement, { entity: COUNTED_MODEL, action, subject, before, after, notes: diff });
    });
  };

  return {
    /** The history rows and snapshot of a write, in `manager`'s transaction. */
    record,

    create: (session: TestSession, fields: CountedFields) =>
      dataSource.transaction(async (manager) => {
        const id = await insertModel(manager, session.organizationId, fields);
        await record(manager, session, id, 'created', [{ field_name: 'status', old_value: null, new_value: fields.status }], null, fields);
        return id;
      }),

    update: (session: TestSession, id: number, before: CountedFields, after: CountedFields) =>
      dataSource.transaction(async (manager) => {
        await manager.query('UPDATE model_inventories SET status = $2, security_assessment = $3 WHERE id = $1', [id, after.status, after.security_assessment]);
        const diff: FieldChange[] = [
          { field_name: 'status', old_value: before.status, new_value: after.status },
          { field_name: 'security_assessment', old_value: String(before.security_assessment), new_value: String(after.security_assessment) },
        ];
        await record(manager, session, id, 'updated', diff.filter((c) => c.old_value !== c.new_value), before, after);
      }),

    remove: (session: TestSession, id: number, before: CountedFields) =>
      dataSource.transaction(async (manager) => {
        await manager.query('UPDATE model_inventories SET deleted_at = now() WHERE id = $1', [id]);
        await record(manager, session, id, 'deleted', [{ field_name: 'deleted_at', old_value: null, new_value: 'now' }], before, null);
      }),

    /** Parameter → counts of the organisation's newest snapshot. */
    async latestSnapshots(organizationId: number): Promise<Record<string, SnapshotCounts>> {
      const rows: Array<{ parameter: string; snapshot_data: SnapshotCounts }> = await dataSource.query(
        `SELECT DISTINCT ON (parameter) parameter, snapshot_data FROM model_inventory_snapshots
          WHERE organization_id = $1 ORDER BY parameter, recorded_at DESC, id DESC`,
        [organizationId],
      );
      return Object.fromEntries(rows.map((r) => [r.parameter, r.snapshot_data]));
    },

    async snapshotCount(organizationId: number): Promise<number> {
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM model_inventory_snapshots WHERE organization_id = $1', [organizationId]);
      return n;
    },
  };
}
