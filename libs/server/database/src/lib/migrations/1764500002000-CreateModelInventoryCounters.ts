import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running bucket counts per organisation and snapshot parameter. A model write adds its delta with one
 * UPDATE (whose row lock orders concurrent writers) and appends the resulting snapshot in the same
 * statement, so writers queue only for the time between that statement and their commit.
 */
export class CreateModelInventoryCounters1764500002000 implements MigrationInterface {
  name = 'CreateModelInventoryCounters1764500002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE model_inventory_counters (
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        parameter        varchar(40) NOT NULL CHECK (parameter IN ('status', 'security_assessment')),
        counts           jsonb NOT NULL,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, parameter)
      )`);
    await queryRunner.query(`
      INSERT INTO model_inventory_counters (organization_id, parameter, counts)
      SELECT organization_id, 'status', jsonb_object_agg(bucket, n)
        FROM (SELECT organization_id, status::text AS bucket, count(*) AS n FROM model_inventories
               WHERE deleted_at IS NULL GROUP BY 1, 2) c
       GROUP BY organization_id
      UNION ALL
      SELECT organization_id, 'security_assessment', jsonb_object_agg(bucket, n)
        FROM (SELECT organization_id, security_assessment::text AS bucket, count(*) AS n FROM model_inventories
               WHERE deleted_at IS NULL GROUP BY 1, 2) c
       GROUP BY organization_id`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE model_inventory_counters`);
  }
}
