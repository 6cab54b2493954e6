import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model writes now upsert the running counts and start from zero when an organisation has no counter
 * row, so every organisation that already has models must have its rows. Earlier code created them
 * lazily; this fills any that are still missing from a live count.
 */
export class CountEveryOrganizationWithModels1764500003000 implements MigrationInterface {
  name = 'CountEveryOrganizationWithModels1764500003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO model_inventory_counters (organization_id, parameter, counts)
      SELECT organization_id, parameter, jsonb_object_agg(bucket, n)
        FROM (SELECT organization_id, 'status' AS parameter, status::text AS bucket, count(*) AS n
                FROM model_inventories WHERE deleted_at IS NULL GROUP BY 1, 2, 3
              UNION ALL
              SELECT organization_id, 'security_assessment', security_assessment::text, count(*)
                FROM model_inventories WHERE deleted_at IS NULL GROUP BY 1, 2, 3) live
       GROUP BY organization_id, parameter
          ON CONFLICT (organization_id, parameter) DO NOTHING`);
  }

  async down(): Promise<void> {
    // The rows are correct running counts; nothing to undo.
  }
}
