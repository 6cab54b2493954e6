import { PartRef, sql, TENANT, WriteStatement } from '@model-inventory/server-core';
import { RunColumns, VersionColumns } from './record-rows';

export type RecordWrite = VersionColumns & RunColumns;

const COLUMNS = [
  'model_name',
  'version',
  'version_number',
  'lifecycle_stage',
  'status',
  'aliases',
  'run_id',
  'run_status',
  'lineage_available',
  'description',
  'model_description',
  'source',
  'tags',
  'model_tags',
  'metrics',
  'parameters',
  'experiment_id',
  'mlflow_created_at',
  'mlflow_updated_at',
  'content_hash',
] as const;

const columnList = sql.join(COLUMNS.map((column) => sql.identifier(column)));
const fromBatch = sql.join(COLUMNS.map((column) => sql.identifier(`r.${column}`)));
const assignments = sql.join(COLUMNS.filter((c) => c !== 'model_name' && c !== 'version').map((column) => sql`${sql.identifier(column)} = ${sql.identifier(`r.${column}`)}`));
const recordset = (rows: object[]) => sql`jsonb_populate_recordset(NULL::mlflow_model_records, ${JSON.stringify(rows)}::jsonb) r`;

/** `mlflow_new`: records of versions the organisation has not seen before, as written. */
export function addNewRecords(statement: WriteStatement, rows: RecordWrite[]): PartRef {
  return statement.part(
    'mlflow_new',
    sql`INSERT INTO mlflow_model_records (organization_id, ${columnList}, last_synced_at)
        SELECT ${TENANT}, ${fromBatch}, now() FROM ${recordset(rows)}
        ON CONFLICT (organization_id, model_name, version) DO NOTHING
        RETURNING *`,
    'tenant',
  );
}

/** `mlflow_changed`: records whose version, model or run changed (or that came back upstream), as written. */
export function addChangedRecords(statement: WriteStatement, rows: Array<RecordWrite & { id: number }>): PartRef {
  return statement.part(
    'mlflow_changed',
    sql`UPDATE mlflow_model_records t
           SET ${assignments},
               previous_stage = CASE WHEN t.lifecycle_stage IS DISTINCT FROM r.lifecycle_stage THEN t.lifecycle_stage ELSE t.previous_stage END,
               removed_upstream = false, removed_at = NULL, last_synced_at = now(), updated_at = now()
          FROM ${recordset(rows)}
         WHERE t.id = r.id AND t.organization_id = ${TENANT}
        RETURNING t.*`,
    'tenant',
  );
}

/** `mlflow_stage_moved`: the changed records whose stage moved (for `mlflow_stage_changed`). */
export function addStageMoved(statement: WriteStatement, changed: PartRef, ids: number[]): PartRef {
  return statement.part('mlflow_stage_moved', sql`SELECT * FROM ${changed} WHERE id = ANY(${ids}::int[])`, { through: changed });
}
