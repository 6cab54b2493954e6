// bench:inventory's baseline for creates: the rows of one create written by ONE hand-written statement.

/**
 * One create as one statement: the project check, the model, its links, one history row per field, the outbox event,
 * then the organisation's running counts (model_inventory_counters; the UPDATE's row lock orders concurrent writers
 * and re-reads the committed counts) and the snapshot rows they give. As a single statement it commits at once, so
 * the counter row is locked for no client round trip.
 */
export const RAW_CREATE_SQL = `
  WITH valid AS (
    SELECT count(*) = cardinality($14::int[]) AS ok FROM projects WHERE organization_id = $1 AND id = ANY ($14::int[])
  ), created AS (
    INSERT INTO model_inventories (organization_id, provider, model, version, approver, capabilities, security_assessment, status,
                                   status_date, reference_link, biases, limitations, hosting_provider, created_by_user_id)
    SELECT $1, $2::text, $3::text, $4::text, $5::text, $6::text[], $7::boolean, $8::model_status, $9::date, $10::text, $11::text, $12::text, $13::text, $16 FROM valid WHERE valid.ok
    RETURNING *
  ), links AS (
    INSERT INTO model_inventories_projects_frameworks (model_inventory_id, project_id, framework_id)
    SELECT created.id, p, NULL FROM created, unnest($14::int[]) AS p
    UNION ALL
    SELECT created.id, NULL, f FROM created, unnest($15::int[]) AS f
  ), history AS (
    INSERT INTO change_history (organization_id, entity_type, entity_id, action, field_name, old_value, new_value, changed_by_user_id)
    SELECT $1, 'model', created.id, 'created', h.field, NULL, h.value, $16 FROM created, unnest($17::text[], $18::text[]) AS h(field, value)
  ), outbox AS (
    INSERT INTO automation_events (organization_id, event, payload)
    SELECT $1, 'model_added', jsonb_build_object('model', (to_jsonb(created) - 'deleted_at') || jsonb_build_object('projects', $14::int[], 'frameworks', $15::int[]))
      FROM created
  ), delta AS (
    SELECT d.key AS parameter, d.value AS delta FROM created, jsonb_each($19::jsonb) AS d
  ), bumped AS (
    UPDATE model_inventory_counters c
       SET counts = (SELECT jsonb_object_agg(k, greatest(0, coalesce((c.counts ->> k)::int, 0) + coalesce((delta.delta ->> k)::int, 0)))
                       FROM jsonb_object_keys(c.counts || delta.delta) AS k),
           updated_at = now()
      FROM delta
     WHERE c.organization_id = $1 AND c.parameter = delta.parameter
    RETURNING c.parameter, c.counts
  ), snapshot AS (
    INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger)
    SELECT $1, parameter, counts, 'change' FROM bumped
  )
  SELECT id FROM created`;

/** Writes one create's rows with RAW_CREATE_SQL; returns the new model's id. */
export async function createWithSql(pool, org, body) {
  const asText = (value) =>
    Array.isArray(value) ? JSON.stringify(value) : String(value);
  const delta = {
    status: { [body.status]: 1 },
    security_assessment: { [String(body.security_assessment)]: 1 },
  };
  const { rows } = await pool.query(RAW_CREATE_SQL, [
    org.id,
    body.provider,
    body.model,
    body.version,
    body.approver,
    body.capabilities,
    body.security_assessment,
    body.status,
    body.status_date,
    body.reference_link,
    body.biases,
    body.limitations,
    body.hosting_provider,
    body.projects,
    body.frameworks,
    org.userId,
    Object.keys(body),
    Object.values(body).map(asText),
    delta,
  ]);
  if (rows.length !== 1) throw new Error('unknown project ids');
  return rows[0].id;
}
