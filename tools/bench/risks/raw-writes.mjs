// bench:risks' baselines for the writes: the rows of one create or one transition by ONE hand-written statement.

/**
 * One create as one statement, what the API writes: the model check (a live model of the organisation, locked as the count's update locks it),
 * the risk, one `created` history row per field, and the model's open_risk_count.
 */
export const RAW_CREATE_SQL = `
  WITH model AS (
    SELECT id FROM model_inventories WHERE id = $15 AND organization_id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE
  ), created AS (
    INSERT INTO model_risks (organization_id, model_id, risk_name, risk_category, risk_level, status, owner, target_date,
                             description, mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, created_by_user_id)
    SELECT $1, model.id, $2, $3::model_risk_category, $4::model_risk_level, $5::model_risk_status, $6, $7::date, $8, $9,
           $10::risk_rating, $11::risk_rating, $12, $13, $14, $16
      FROM model
    RETURNING *
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, 'risk', created.id, 'created', h.field, NULL, h.value, $16 FROM created, unnest($17::text[], $18::text[]) AS h(field, value)
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = m.open_risk_count + 1 FROM created WHERE m.id = created.model_id
  )
  SELECT id FROM created`;

/** Writes one create's rows with RAW_CREATE_SQL; returns the new risk's id. */
export async function createWithSql(sqlPool, org, body) {
  const { rows } = await sqlPool.query(RAW_CREATE_SQL, [
    org.id,
    body.risk_name,
    body.risk_category,
    body.risk_level,
    body.status,
    body.owner,
    body.target_date,
    body.description,
    body.mitigation_plan,
    body.impact,
    body.likelihood,
    body.key_metrics,
    body.current_values,
    body.threshold,
    body.model_id,
    org.userId,
    Object.keys(body),
    Object.values(body).map(String),
  ]);
  if (rows.length !== 1) throw new Error(`model ${body.model_id} not live`);
  return rows[0].id;
}

/** The transition as one statement: the risk moved if it is still In Progress, its history row, its model's count. */
export const RAW_TRANSITION_SQL = `
  WITH moved AS (
    UPDATE model_risks SET status = 'Resolved', version_number = version_number + 1, updated_at = now()
     WHERE id = $1 AND organization_id = $2 AND NOT is_deleted AND status = 'In Progress'
    RETURNING id, organization_id, model_id
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT organization_id, 'risk', id, 'updated', 'status', 'In Progress', 'Resolved', $3 FROM moved
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = greatest(0, m.open_risk_count - 1) FROM moved WHERE m.id = moved.model_id
  )
  SELECT id FROM moved`;

/** Moves one risk In Progress -> Resolved with RAW_TRANSITION_SQL; returns its id. */
export async function transitionWithSql(sqlPool, org, riskId) {
  const { rows } = await sqlPool.query(RAW_TRANSITION_SQL, [
    riskId,
    org.id,
    org.userId,
  ]);
  if (rows.length !== 1) throw new Error(`risk ${riskId} not In Progress`);
  return rows[0].id;
}

/**
 * A batch of creates as one statement, as a hand-written import would write it: the models checked and locked in id
 * order, the risks from arrays, their `created` history rows read back from the rows written, each model's count.
 */
export const RAW_BATCH_CREATE_SQL = `
  WITH models AS (
    SELECT id FROM model_inventories WHERE id = ANY($2::int[]) AND organization_id = $1 AND deleted_at IS NULL ORDER BY id FOR NO KEY UPDATE
  ), created AS (
    INSERT INTO model_risks (organization_id, model_id, risk_name, risk_category, risk_level, status, owner, target_date,
                             description, mitigation_plan, impact, likelihood, key_metrics, current_values, threshold, created_by_user_id)
    SELECT $1, r.model_id, r.risk_name, r.risk_category, r.risk_level, r.status, r.owner, r.target_date, r.description,
           r.mitigation_plan, r.impact, r.likelihood, r.key_metrics, r.current_values, r.threshold, $3
      FROM unnest($4::int[], $5::text[], $6::model_risk_category[], $7::model_risk_level[], $8::model_risk_status[], $9::text[],
                  $10::date[], $11::text[], $12::text[], $13::risk_rating[], $14::risk_rating[], $15::text[], $16::text[], $17::text[])
        AS r(model_id, risk_name, risk_category, risk_level, status, owner, target_date, description, mitigation_plan, impact,
             likelihood, key_metrics, current_values, threshold)
     WHERE (SELECT count(*) FROM models) = cardinality($2::int[])
    RETURNING *
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, 'risk', c.id, 'created', h.field, NULL, h.value, $3
      FROM created c CROSS JOIN LATERAL (VALUES ('risk_name', c.risk_name), ('risk_category', c.risk_category::text),
             ('risk_level', c.risk_level::text), ('status', c.status::text), ('owner', c.owner), ('target_date', c.target_date::text),
             ('model_id', c.model_id::text), ('impact', c.impact::text), ('likelihood', c.likelihood::text), ('description', c.description),
             ('mitigation_plan', c.mitigation_plan), ('key_metrics', c.key_metrics), ('current_values', c.current_values),
             ('threshold', c.threshold)) AS h(field, value)
     WHERE h.value IS NOT NULL
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = m.open_risk_count + d.opened
      FROM (SELECT model_id, count(*) FILTER (WHERE status IN ('Open', 'In Progress')) AS opened FROM created GROUP BY 1) d
     WHERE m.id = d.model_id
  )
  SELECT id FROM created`;

/** Writes a batch's rows with RAW_BATCH_CREATE_SQL; returns the new risks' ids. */
export async function createBatchWithSql(sqlPool, org, bodies) {
  const column = (key) => bodies.map((body) => body[key] ?? null);
  const { rows } = await sqlPool.query(RAW_BATCH_CREATE_SQL, [
    org.id,
    [...new Set(column('model_id'))],
    org.userId,
    ...[
      'model_id',
      'risk_name',
      'risk_category',
      'risk_level',
      'status',
      'owner',
      'target_date',
      'description',
      'mitigation_plan',
      'impact',
      'likelihood',
      'key_metrics',
      'current_values',
      'threshold',
    ].map(column),
  ]);
  if (rows.length !== bodies.length)
    throw new Error('a model of the batch is not live');
  return rows.map((row) => row.id);
}

/**
 * A batch of transitions In Progress -> Resolved as one statement: the risks' models locked first in id order (two
 * batches over the same models would otherwise deadlock on the counts), the risks, one history row each, each model's count.
 */
export const RAW_BATCH_TRANSITION_SQL = `
  WITH models AS (
    SELECT id FROM model_inventories
     WHERE id IN (SELECT model_id FROM model_risks WHERE id = ANY($1::int[]) AND organization_id = $2) ORDER BY id FOR NO KEY UPDATE
  ), moved AS (
    UPDATE model_risks SET status = 'Resolved', version_number = version_number + 1, updated_at = now()
     WHERE id = ANY($1::int[]) AND organization_id = $2 AND NOT is_deleted AND status = 'In Progress' AND (SELECT count(*) FROM models) > 0
    RETURNING id, organization_id, model_id
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT organization_id, 'risk', id, 'updated', 'status', 'In Progress', 'Resolved', $3 FROM moved
  ), counted AS (
    UPDATE model_inventories m SET open_risk_count = greatest(0, m.open_risk_count - d.moved)
      FROM (SELECT model_id, count(*) AS moved FROM moved GROUP BY 1) d WHERE m.id = d.model_id
  )
  SELECT count(*)::int AS moved FROM moved`;
