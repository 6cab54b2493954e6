import { DataSource } from 'typeorm';

/**
 * Gives the demo organisation a past: each demo model is dated back to its status date (its creation and its
 * "created" history rows), and the status and security-assessment snapshots are replayed for each of those days, so
 * a newcomer's analytics show the register growing over the past year instead of a flat line and a cliff today.
 * Runs once, right after the demo models are created and before anything else happens to them.
 */
export async function backdateDemoHistory(dataSource: DataSource, organizationId: number): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(
      `UPDATE model_inventories SET created_at = status_date::timestamptz + interval '9 hours', updated_at = status_date::timestamptz + interval '9 hours'
        WHERE organization_id = $1 AND is_demo`,
      [organizationId],
    );
    await manager.query(
      `UPDATE change_history history SET changed_at = model.created_at
         FROM model_inventories model
        WHERE history.organization_id = $1 AND history.entity_type = 'model' AND history.entity_id = model.id
          AND history.action = 'created' AND model.organization_id = $1 AND model.is_demo`,
      [organizationId],
    );
    await manager.query(`DELETE FROM model_inventory_snapshots WHERE organization_id = $1`, [organizationId]);
    await manager.query(
      `INSERT INTO model_inventory_snapshots (organization_id, parameter, snapshot_data, trigger, recorded_at)
       SELECT $1, parameter.name, counted.counts, 'change', moment.at
         FROM (SELECT DISTINCT created_at AS at FROM model_inventories WHERE organization_id = $1 AND deleted_at IS NULL) moment
        CROSS JOIN (VALUES ('status'), ('security_assessment')) AS parameter(name)
        CROSS JOIN LATERAL (
              SELECT jsonb_object_agg(bucket, n) AS counts
                FROM (SELECT CASE parameter.name WHEN 'status' THEN model.status::text ELSE model.security_assessment::text END AS bucket, count(*) AS n
                        FROM model_inventories model
                       WHERE model.organization_id = $1 AND model.deleted_at IS NULL AND model.created_at <= moment.at
                       GROUP BY 1) buckets) counted`,
      [organizationId],
    );
  });
}
