import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, RiskRating } from '@model-inventory/contracts';
import { insertRow, PartRef, RowValues, Sql, sql, TENANT, updateRow, WriteStatement } from '@model-inventory/server-core';

/** A risk's columns as a create or PUT writes them. */
export interface RiskColumns {
  risk_name: string;
  risk_category: ModelRiskCategory;
  risk_level: ModelRiskLevel;
  status: ModelRiskStatus;
  owner: string;
  target_date: string;
  description: string | null;
  mitigation_plan: string | null;
  impact: RiskRating | null;
  likelihood: RiskRating | null;
  key_metrics: string | null;
  current_values: string | null;
  threshold: string | null;
  model_id: number;
}

const CASTS: Partial<Record<keyof RiskColumns, string>> = {
  risk_category: 'model_risk_category',
  risk_level: 'model_risk_level',
  status: 'model_risk_status',
  impact: 'risk_rating',
  likelihood: 'risk_rating',
  target_date: 'date',
};

function typed(columns: Partial<RiskColumns>): RowValues {
  return Object.fromEntries(
    Object.entries(columns).map(([column, value]) => {
      const cast = CASTS[column as keyof RiskColumns];
      return [column, cast ? sql`${value}::${sql.identifier(cast)}` : sql`${value}`];
    }),
  );
}

/** Who accepted a risk and when: set when it becomes Accepted, cleared when it is reopened. */
export type Acceptance = { by: number | null } | 'clear' | 'keep';

function acceptanceColumns(acceptance: Acceptance): RowValues {
  if (acceptance === 'keep') return {};
  if (acceptance === 'clear') return { accepted_by_user_id: null, accepted_at: null };
  return { accepted_by_user_id: sql`${acceptance.by}::int`, accepted_at: sql`now()` };
}

/**
 * `risk_model`: the model a risk is written for, if it is a live model of the organisation. Locked, so a concurrent
 * deletion of the model waits for this write and then deletes the risk with it (or this write, coming second, finds
 * the model deleted). The lock is the one the statement's `open_risk_count` update takes anyway: with a share lock,
 * two writes for one model would each hold it and wait for the other's to update the count (a deadlock, refused
 * as a 409); with this one the second waits for the first and both succeed.
 */
export function addModelCheck(statement: WriteStatement, modelId: number): PartRef {
  return statement.part(
    'risk_model',
    sql`SELECT id FROM model_inventories WHERE id = ${modelId} AND organization_id = ${TENANT} AND deleted_at IS NULL FOR NO KEY UPDATE`,
    'tenant',
  );
}

/** `risk_models`: `addModelCheck` for a batch — those of `modelIds` that are live models of the organisation, locked in id order. */
export function addModelsCheck(statement: WriteStatement, modelIds: number[]): PartRef {
  return statement.part(
    'risk_models',
    sql`SELECT id FROM model_inventories WHERE id = ANY(${modelIds}::int[]) AND organization_id = ${TENANT} AND deleted_at IS NULL ORDER BY id FOR NO KEY UPDATE`,
    'tenant',
  );
}

const modelIsLive = (check: PartRef) => sql`EXISTS (SELECT 1 FROM ${check})`;
const WRITTEN = 'written_risk';
const BUMP = { version_number: sql`version_number + 1`, updated_at: sql`now()` };

export function addRiskInsert(statement: WriteStatement, columns: RiskColumns, acceptance: Acceptance, createdBy: number | null, check: PartRef): PartRef {
  const row = { ...typed(columns), ...acceptanceColumns(acceptance), created_by_user_id: sql`${createdBy}::int` };
  return statement.part(WRITTEN, insertRow('model_risks', row, { when: modelIsLive(check) }), 'tenant');
}

/** The columns a batch writes from arrays, with their PostgreSQL types (quoted as identifiers, hence `int4`). */
const BATCH_COLUMNS: ReadonlyArray<[keyof RiskColumns, string]> = [
  ['risk_name', 'text'],
  ['risk_category', 'model_risk_category'],
  ['risk_level', 'model_risk_level'],
  ['status', 'model_risk_status'],
  ['owner', 'text'],
  ['target_date', 'date'],
  ['description', 'text'],
  ['mitigation_plan', 'text'],
  ['impact', 'risk_rating'],
  ['likelihood', 'risk_rating'],
  ['key_metrics', 'text'],
  ['current_values', 'text'],
  ['threshold', 'text'],
  ['model_id', 'int4'],
];
const batchColumnNames = sql.join(BATCH_COLUMNS.map(([name]) => sql.identifier(name)));

/** `unnest(ids, <each column's values>, ...extra) AS alias(id, <columns>, ...extraNames)`: one row per risk. */
function riskRows(alias: string, ids: number[], rows: RiskColumns[], extra: Array<[name: string, values: Sql]> = []): Sql {
  const arrays = BATCH_COLUMNS.map(([name, type]) => sql`${rows.map((row) => row[name])}::${sql.identifier(type)}[]`);
  const names = sql.join([sql`id`, batchColumnNames, ...extra.map(([name]) => sql.identifier(name))]);
  return sql`unnest(${ids}::int[], ${sql.join([...arrays, ...extra.map(([, values]) => values)])}) AS ${sql.identifier(alias)}(${names})`;
}

/** A batch's risk, with the id reserved for it. */
export interface ReservedRisk {
  id: number;
  columns: RiskColumns;
}

/**
 * The batch's risks as one set-based insert, with their reserved ids: all of them when every model of the batch
 * is live (`check` found all `modelCount`), none otherwise. Accepted ones record who accepted them, as a create does.
 */
export function addRisksInsert(statement: WriteStatement, risks: ReservedRisk[], createdBy: number | null, check: PartRef, modelCount: number): PartRef {
  const rows = riskRows(
    'r',
    risks.map((risk) => risk.id),
    risks.map((risk) => risk.columns),
  );
  return statement.part(
    WRITTEN,
    sql`INSERT INTO model_risks (id, organization_id, ${batchColumnNames}, created_by_user_id, accepted_by_user_id, accepted_at)
        SELECT r.id, ${TENANT}, ${sql.join(BATCH_COLUMNS.map(([name]) => sql`r.${sql.identifier(name)}`))}, ${createdBy}::int,
               CASE WHEN r.status = 'Accepted' THEN ${createdBy}::int END, CASE WHEN r.status = 'Accepted' THEN now() END
          FROM ${rows}
         WHERE (SELECT count(*) FROM ${check}) = ${modelCount}
        RETURNING *`,
    'tenant',
  );
}

/** A batch's change of one risk: the version it was read at, its columns after, and its acceptance. */
export interface RiskChange {
  id: number;
  readVersion: number;
  columns: RiskColumns;
  acceptance: Acceptance;
}

/**
 * The batch's changes as one set-based update: all of them when every risk is still as it was read (not changed or
 * deleted since: `risks_as_read` locks them in id order) and every model is live; none otherwise, and the caller
 * reads again. `acceptedBy` is who accepts the ones becoming Accepted. With `each`, every change stands alone
 * instead: those still as read and with a live model are written, the others not (coalesced single changes).
 */
export function addRisksUpdate(
  statement: WriteStatement,
  changes: RiskChange[],
  acceptedBy: number | null,
  check: PartRef,
  modelCount: number,
  { each = false }: { each?: boolean } = {},
): PartRef {
  const ids = changes.map((change) => change.id);
  const asRead = statement.part(
    'risks_as_read',
    sql`SELECT id FROM model_risks
         WHERE organization_id = ${TENANT} AND NOT is_deleted
           AND (id, version_number) IN (SELECT * FROM unnest(${ids}::int[], ${changes.map((change) => change.readVersion)}::int[]))
         ORDER BY id FOR UPDATE`,
    'tenant',
  );
  const acceptance = changes.map(({ acceptance }) => (typeof acceptance === 'string' ? acceptance : 'set'));
  const rows = riskRows(
    'c',
    ids,
    changes.map((change) => change.columns),
    [['acceptance', sql`${acceptance}::text[]`]],
  );
  const writable = each
    ? sql`r.id IN (SELECT id FROM ${asRead}) AND c.model_id IN (SELECT id FROM ${check})`
    : sql`(SELECT count(*) FROM ${asRead}) = ${changes.length} AND (SELECT count(*) FROM ${check}) = ${modelCount}`;
  return statement.part(
    WRITTEN,
    sql`UPDATE model_risks r
           SET ${sql.join(BATCH_COLUMNS.map(([name]) => sql`${sql.identifier(name)} = c.${sql.identifier(name)}`))},
               accepted_by_user_id = CASE c.acceptance WHEN 'set' THEN ${acceptedBy}::int WHEN 'clear' THEN NULL ELSE r.accepted_by_user_id END,
               accepted_at = CASE c.acceptance WHEN 'set' THEN now() WHEN 'clear' THEN NULL ELSE r.accepted_at END,
               version_number = r.version_number + 1, updated_at = now()
          FROM ${rows}
         WHERE r.id = c.id AND r.organization_id = ${TENANT} AND ${writable}
        RETURNING r.*`,
    'tenant',
  );
}

/**
 * A PUT of the risk as it was read at `readVersion`; nothing when it changed since (a concurrent write bumped
 * `version_number`: the caller reads it again), when it is deleted, or when its (new) model is not live.
 */
export function addRiskUpdate(statement: WriteStatement, id: number, readVersion: number, columns: RiskColumns, acceptance: Acceptance, check: PartRef): PartRef {
  const set = { ...typed(columns), ...acceptanceColumns(acceptance), ...BUMP };
  return statement.part(WRITTEN, updateRow('model_risks', id, set, { when: sql`version_number = ${readVersion}::int AND NOT is_deleted AND ${modelIsLive(check)}` }), 'tenant');
}

export function addRiskSoftDelete(statement: WriteStatement, id: number): PartRef {
  return statement.part(WRITTEN, updateRow('model_risks', id, { is_deleted: true, deleted_at: sql`now()`, ...BUMP }, { when: sql`NOT is_deleted` }), 'tenant');
}

/** Restores a deleted risk, every field kept, if its model is live. */
export function addRiskRestore(statement: WriteStatement, id: number, check: PartRef): PartRef {
  return statement.part(
    WRITTEN,
    updateRow('model_risks', id, { is_deleted: false, deleted_at: null, ...BUMP }, { when: sql`is_deleted AND ${modelIsLive(check)}` }),
    'tenant',
  );
}

/**
 * Moves models' `open_risk_count` by the write's deltas, if `subject` wrote. Deltas, not recounts: the parts of a
 * statement all see the data as it was before the statement, so a recount here would miss this very write.
 */
export function addOpenCountDeltas(statement: WriteStatement, subject: PartRef, deltas: Map<number, number>): void {
  const moved = [...deltas].filter(([, delta]) => delta !== 0);
  if (moved.length === 0) return;
  statement.part(
    `${subject.name}_open_counts`,
    sql`UPDATE model_inventories m SET open_risk_count = greatest(0, m.open_risk_count + d.delta)
          FROM unnest(${moved.map(([id]) => id)}::int[], ${moved.map(([, delta]) => delta)}::int[]) AS d(model_id, delta)
         WHERE m.id = d.model_id AND m.organization_id = ${TENANT} AND EXISTS (SELECT 1 FROM ${subject})`,
    'tenant',
  );
}

/** One risk's move of its models' open-risk counts, applied only if the risk is written. */
export interface RiskOpenDelta {
  riskId: number;
  modelId: number;
  delta: number;
}

/** As `addOpenCountDeltas`, for a subject that may write only some of its risks: each written risk's deltas move the counts. */
export function addOpenCountDeltasOfWritten(statement: WriteStatement, subject: PartRef, deltas: RiskOpenDelta[]): void {
  const moved = deltas.filter(({ delta }) => delta !== 0);
  if (moved.length === 0) return;
  statement.part(
    `${subject.name}_open_counts`,
    sql`UPDATE model_inventories m SET open_risk_count = greatest(0, m.open_risk_count + d.delta)
          FROM (SELECT d.model_id, sum(d.delta)::int AS delta
                  FROM unnest(${moved.map((d) => d.riskId)}::int[], ${moved.map((d) => d.modelId)}::int[], ${moved.map((d) => d.delta)}::int[])
                       AS d(risk_id, model_id, delta)
                  JOIN ${subject} written ON written.id = d.risk_id
                 GROUP BY d.model_id) d
         WHERE m.id = d.model_id AND m.organization_id = ${TENANT} AND d.delta <> 0`,
    'tenant',
  );
}

/** The written risk as a RiskRow (its model and accepter joined), for the response. */
export const writtenRiskRow = (written: PartRef): Sql =>
  sql`SELECT written.*, m.provider AS model_provider, m.model AS model_model, m.version AS model_version, false AS model_deleted, accepter.name AS accepted_by_name
        FROM ${written} written JOIN model_inventories m ON m.id = written.model_id LEFT JOIN users accepter ON accepter.id = written.accepted_by_user_id`;
