import { ModelStatus } from '@model-inventory/contracts';
import { ComposedStatement } from '@model-inventory/server-core';
import { ModelLinks } from './inventory.mapper';
import { WRITTEN_MODEL } from './inventory-writer';

export interface NewModel {
  organization_id: number;
  provider: string;
  model: string;
  version: string;
  approver: string;
  capabilities: string[];
  security_assessment: boolean;
  status: ModelStatus;
  status_date: string;
  reference_link: string;
  biases: string;
  limitations: string;
  hosting_provider: string;
  is_demo: boolean;
  created_by_user_id: number | null;
}

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
] as const satisfies readonly (keyof NewModel)[];

const CASTS: Partial<Record<(typeof INSERTED_COLUMNS)[number], string>> = { capabilities: '::text[]', status: '::model_status', status_date: '::date' };

/** JavaScript's `Date#toISOString()` form, so the event's model and the API response carry the same text. */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The inserted row, and the fields the database assigned as the event's copy shows them. The timestamps are
 * cut to milliseconds (JavaScript's precision) on insert, so the event and the response carry the same text.
 */
const RETURNED = `*, jsonb_build_object('id', id, 'created_at', ${isoText('created_at')}, 'updated_at', ${isoText('updated_at')}) AS generated`;

/**
 * Adds a model's creation to `statement`: `link_check` (`missing_projects`: ids that are not the
 * organisation's projects, `missing_frameworks`: unknown framework ids), then the model as WRITTEN_MODEL
 * and its link rows, both only when nothing is missing.
 */
export function addModelInsert(statement: ComposedStatement, model: NewModel, links: ModelLinks): void {
  statement.with(
    'link_check',
    `SELECT ARRAY(SELECT requested.id FROM unnest($1::int[]) AS requested(id)
                   WHERE NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = requested.id AND p.organization_id = $2)) AS missing_projects,
            ARRAY(SELECT requested.id FROM unnest($3::int[]) AS requested(id)
                   WHERE NOT EXISTS (SELECT 1 FROM frameworks f WHERE f.id = requested.id)) AS missing_frameworks`,
    [links.projects, model.organization_id, links.frameworks],
  );
  const placeholders = INSERTED_COLUMNS.map((column, i) => `$${i + 1}${CASTS[column] ?? ''}`);
  statement.with(
    WRITTEN_MODEL,
    `INSERT INTO model_inventories (${INSERTED_COLUMNS.join(', ')}, created_at, updated_at)
     SELECT ${placeholders.join(', ')}, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
       FROM link_check WHERE cardinality(missing_projects) = 0 AND cardinality(missing_frameworks) = 0
     RETURNING ${RETURNED}`,
    INSERTED_COLUMNS.map((column) => model[column]),
  );
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
