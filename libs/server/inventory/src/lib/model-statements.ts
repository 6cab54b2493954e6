import { insertRow, PartRef, Sql, sql, TENANT, updateRow, WriteStatement } from '@model-inventory/server-core';
import { ModelInventoryEntity } from './entities/model-inventory.entity';
import { ModelLinks } from './inventory.mapper';

const INSERTED_COLUMNS = [
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

/** A model as a create writes it; the database fills in the rest (id, organisation, version, timestamps). */
export type NewModel = Pick<ModelInventoryEntity, (typeof INSERTED_COLUMNS)[number]>;

/** What a PATCH may change. */
export type ModelUpdate = Partial<Omit<NewModel, 'is_demo' | 'created_by_user_id'>>;

const CASTS: Partial<Record<keyof NewModel, (value: unknown) => Sql>> = {
  capabilities: (value) => sql`${value}::text[]`,
  status: (value) => sql`${value}::model_status`,
  status_date: (value) => sql`${value}::date`,
};

const typed = (column: keyof NewModel, value: unknown): Sql => CASTS[column]?.(value) ?? sql`${value}`;

/** Timestamps cut to milliseconds, JavaScript's precision, so the event's row and the API response show the same instant. */
export const NOW_IN_MILLISECONDS = sql`date_trunc('milliseconds', now())`;

/** The parts of a checked model write: the link check, and the model, written only when every link is known. */
export interface ModelWriteParts {
  linkCheck: PartRef;
  model: PartRef;
}

/** What a checked write statement returns: the unknown link ids, and the written model unless there were any. */
export const checkedWriteResult = ({ linkCheck, model }: ModelWriteParts): Sql =>
  sql`SELECT ${linkCheck}.missing_projects, ${linkCheck}.missing_frameworks, ${model}.* FROM ${linkCheck} LEFT JOIN ${model} ON true`;

export type CheckedWriteRow = ModelInventoryEntity & { missing_projects: number[]; missing_frameworks: number[] };

/** The ids that are not projects of the organisation, and the unknown framework ids. */
function addLinkCheck(statement: WriteStatement, links: ModelLinks): PartRef {
  return statement.part(
    'link_check',
    sql`SELECT ARRAY(SELECT requested.id FROM unnest(${links.projects}::int[]) AS requested(id)
                      WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = requested.id AND p.organization_id = ${TENANT})) AS missing_projects,
               ARRAY(SELECT requested.id FROM unnest(${links.frameworks}::int[]) AS requested(id)
                      WHERE NOT EXISTS (SELECT 1 FROM frameworks f WHERE f.id = requested.id)) AS missing_frameworks`,
    'tenant',
  );
}

const linksKnown = (linkCheck: PartRef) => sql`(SELECT cardinality(missing_projects) + cardinality(missing_frameworks) = 0 FROM ${linkCheck})`;

/** Columns a write sets as SQL next to the fields (a status decision's approver and time). */
export type ExtraColumns = Record<string, Sql>;

/** A model's creation: the link check, then the model and its link rows if every link is known. */
export function addModelInsert(statement: WriteStatement, model: NewModel, links: ModelLinks, extra: ExtraColumns = {}): ModelWriteParts {
  const linkCheck = addLinkCheck(statement, links);
  const row = Object.fromEntries(INSERTED_COLUMNS.map((column) => [column, typed(column, model[column])]));
  const written = statement.part(
    'written_model',
    insertRow('model_inventories', { ...row, ...extra, created_at: NOW_IN_MILLISECONDS, updated_at: NOW_IN_MILLISECONDS }, { when: linksKnown(linkCheck) }),
    'tenant',
  );
  if (links.projects.length + links.frameworks.length > 0) {
    statement.part(
      'model_links',
      sql`INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
          SELECT written.id, project_id, NULL FROM ${written} written, unnest(${links.projects}::int[]) AS project_id
          UNION ALL
          SELECT written.id, NULL, framework_id FROM ${written} written, unnest(${links.frameworks}::int[]) AS framework_id`,
      { through: written },
    );
  }
  return { linkCheck, model: written };
}

/**
 * A PATCH of a model the transaction has locked: the fields sent, the next version and, when `links` is
 * given, its links replaced by them, if the link check finds every one.
 */
export function addModelUpdate(statement: WriteStatement, id: number, fields: ModelUpdate, links: ModelLinks | null, extra: ExtraColumns = {}): ModelWriteParts {
  const linkCheck = addLinkCheck(statement, links ?? { projects: [], frameworks: [] });
  const set = Object.fromEntries(Object.entries(fields).map(([column, value]) => [column, typed(column as keyof NewModel, value)]));
  const written = statement.part(
    'written_model',
    updateRow('model_inventories', id, { ...set, ...extra, version_number: sql`version_number + 1`, updated_at: NOW_IN_MILLISECONDS }, { when: sql`deleted_at IS NULL AND ${linksKnown(linkCheck)}` }),
    'tenant',
  );
  if (links) addLinkReplacement(statement, written, links);
  return { linkCheck, model: written };
}

/** The soft delete of a model the transaction has locked. */
export function addModelSoftDelete(statement: WriteStatement, id: number): PartRef {
  return statement.part('written_model', updateRow('model_inventories', id, { deleted_at: sql`now()` }, { when: sql`deleted_at IS NULL` }), 'tenant');
}

/** Deletes the links not in `links` and inserts the missing ones, if the model was written; a kept link is not rewritten. */
function addLinkReplacement(statement: WriteStatement, written: PartRef, links: ModelLinks): void {
  statement.part(
    'removed_links',
    sql`DELETE FROM model_inventories_projects_frameworks link USING ${written} written
         WHERE link.model_inventory_id = written.id
           AND ((link.project_id IS NOT NULL AND link.project_id <> ALL(${links.projects}::int[]))
             OR (link.framework_id IS NOT NULL AND link.framework_id <> ALL(${links.frameworks}::int[])))`,
    { through: written },
  );
  statement.part(
    'added_links',
    sql`INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
        SELECT written.id, wanted.id, NULL FROM ${written} written, unnest(${links.projects}::int[]) AS wanted(id)
         WHERE NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l WHERE l.model_inventory_id = written.id AND l.project_id = wanted.id)
        UNION ALL
        SELECT written.id, NULL, wanted.id FROM ${written} written, unnest(${links.frameworks}::int[]) AS wanted(id)
         WHERE NOT EXISTS (SELECT 1 FROM model_inventories_projects_frameworks l WHERE l.model_inventory_id = written.id AND l.framework_id = wanted.id)`,
    { through: written },
  );
}
