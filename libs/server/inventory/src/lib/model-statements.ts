import { ComposedStatement } from '@model-inventory/server-core';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { ModelLinks } from './inventory.mapper';
import { StatementResult, WRITTEN_MODEL } from './inventory-writer';

const INSERTED_COLUMNS = [
  'organization_id',
  'provider',
  'model',
  'version',
  'approver',
  'capabilities',
  'security_assessment',
  'status',
  'status_date',
  'reference_link',
  'biases',
  'limitations',
  'hosting_provider',
  'is_demo',
  'created_by_user_id',
] as const satisfies readonly (keyof ModelInventoryEntity)[];

/** A model as a create writes it; the database fills in the rest. */
export type NewModel = Pick<ModelInventoryEntity, (typeof INSERTED_COLUMNS)[number]>;

/** What a PATCH may change. */
export type ModelUpdate = Partial<Omit<NewModel, 'organization_id' | 'is_demo' | 'created_by_user_id'>>;

const UPDATABLE_COLUMNS = INSERTED_COLUMNS.filter((column) => !['organization_id', 'is_demo', 'created_by_user_id'].includes(column)) as Array<keyof ModelUpdate>;

const CASTS: Partial<Record<(typeof INSERTED_COLUMNS)[number], string>> = { capabilities: '::text[]', status: '::model_status', status_date: '::date' };

/** JavaScript's `Date#toISOString()` form, so the event's model and the API response carry the same text. */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The inserted row, and the fields the database assigned as the event's copy shows them. The timestamps are
 * cut to milliseconds (JavaScript's precision) on insert, so the event and the response carry the same text.
 */
const RETURNED = `*, jsonb_build_object('id', id, 'version_number', version_number, 'created_at', ${isoText('created_at')}, 'updated_at', ${isoText('updated_at')}) AS generated`;

const NOW_IN_MILLISECONDS = `date_trunc('milliseconds', now())`;

/** Whether `link_check` found every linked id; the model is written only then. */
const LINKS_KNOWN = `(SELECT cardinality(missing_projects) + cardinality(missing_frameworks) = 0 FROM link_check)`;

/** What a checked write statement returns: the unknown link ids, and the written model unless there were any. */
export const CHECKED_WRITE_RESULT: StatementResult = {
  columns: `link_check.missing_projects, link_check.missing_frameworks, ${WRITTEN_MODEL}.*`,
  from: `link_check LEFT JOIN ${WRITTEN_MODEL} ON true`,
};

export type CheckedWriteRow = ModelInventoryEntity & { missing_projects: number[]; missing_frameworks: number[] };

/**
 * `link_check`: `missing_projects`, the ids that are not projects of the organisation, and
 * `missing_frameworks`, the unknown framework ids.
 */
function addLinkCheck(statement: ComposedStatement, organizationId: number, links: ModelLinks): void {
  statement.with(
    'link_check',
    `SELECT ARRAY(SELECT requested.id FROM unnest($1::int[]) AS requested(id)
                   WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = requested.id AND p.organization_id = $2)) AS missing_projects,
            ARRAY(SELECT requested.id FROM unnest($3::int[]) AS requested(id)
                   WHERE NOT EXISTS (SELECT 1 FROM frameworks f WHERE f.id = requested.id)) AS missing_frameworks`,
    [links.projects, organizationId, links.frameworks],
  );
}

/** Adds a model's creation to `statement`: the link check, then the model as WRITTEN_MODEL and its link rows if every link is known. */
export function addModelInsert(statement: ComposedStatement, model: NewModel, links: ModelLinks): void {
  addLinkCheck(statement, model.organization_id, links);
  const placeholders = INSERTED_COLUMNS.map((column, i) => `$${i + 1}${CASTS[column] ?? ''}`);
  statement.with(
    WRITTEN_MODEL,
    `INSERT INTO model_inventories (${INSERTED_COLUMNS.join(', ')}, created_at, updated_at)
     SELECT ${placeholders.join(', ')}, ${NOW_IN_MILLISECONDS}, ${NOW_IN_MILLISECONDS}
      WHERE ${LINKS_KNOWN}
     RETURNING ${RETURNED}`,
    INSERTED_COLUMNS.map((column) => model[column]),
  );
  addLinkRows(statement, links);
}

/**
 * Adds a PATCH of a model the transaction has locked, as WRITTEN_MODEL: the fields sent, the next version,
 * and, when `links` is given, the model's links replaced by them, if the link check finds every one.
 */
export function addModelUpdate(statement: ComposedStatement, organizationId: number, id: number, fields: ModelUpdate, links: ModelLinks | null): void {
  addLinkCheck(statement, organizationId, links ?? { projects: [], frameworks: [] });
  const columns = UPDATABLE_COLUMNS.filter((column) => fields[column] !== undefined);
  const assignments = columns.map((column, i) => `${column} = $${i + 2}${CASTS[column] ?? ''}`);
  statement.with(
    WRITTEN_MODEL,
    `UPDATE model_inventories SET ${[...assignments, 'version_number = version_number + 1', `updated_at = ${NOW_IN_MILLISECONDS}`].join(', ')}
      WHERE id = $1 AND ${LINKS_KNOWN} RETURNING ${RETURNED}`,
    [id, ...columns.map((column) => fields[column])],
  );
  if (links) addLinkReplacement(statement, id, links);
}

/** Adds the soft delete of a model the transaction has locked, as WRITTEN_MODEL. */
export function addModelSoftDelete(statement: ComposedStatement, id: number): void {
  statement.with(WRITTEN_MODEL, `UPDATE model_inventories SET deleted_at = now() WHERE id = $1 RETURNING id, '{}'::jsonb AS generated`, [id]);
}

/**
 * Deletes the links not in `links` and inserts the missing ones, if the model was written; a link kept is not
 * rewritten (its unique index would object).
 */
function addLinkReplacement(statement: ComposedStatement, id: number, links: ModelLinks): void {
  statement
    .with(
      'removed_links',
      `DELETE FROM model_inventories_projects_frameworks
        WHERE model_inventory_id = $1 AND EXISTS (SELECT 1 FROM ${WRITTEN_MODEL})
          AND ((project_id IS NOT NULL AND project_id <> ALL($2::int[])) OR (framework_id IS NOT NULL AND framework_id <> ALL($3::int[])))`,
      [id, links.projects, links.frameworks],
    )
    .with(
      'added_links',
      `INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
       SELECT written.id, wanted.id, NULL FROM ${WRITTEN_MODEL} written, unnest($2::int[]) AS wanted(id)
        WHERE NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l WHERE l.model_inventory_id = $1 AND l.project_id = wanted.id)
       UNION ALL
       SELECT written.id, NULL, wanted.id FROM ${WRITTEN_MODEL} written, unnest($3::int[]) AS wanted(id)
        WHERE NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l WHERE l.model_inventory_id = $1 AND l.framework_id = wanted.id)`,
      [id, links.projects, links.frameworks],
    );
}

function addLinkRows(statement: ComposedStatement, links: ModelLinks): void {
  if (links.projects.length + links.frameworks.length === 0) return;
  statement.with(
    'model_links',
    `INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
     SELECT written.id, project_id, NULL FROM ${WRITTEN_MODEL} written, unnest($1::int[]) AS project_id
     UNION ALL
     SELECT written.id, NULL, framework_id FROM ${WRITTEN_MODEL} written, unnest($2::int[]) AS framework_id`,
    [links.projects, links.frameworks],
  );
}
