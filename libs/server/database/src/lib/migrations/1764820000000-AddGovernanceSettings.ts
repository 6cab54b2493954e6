import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance rules beside the evidence gate: re-review on material change (with the fields it watches) and a
 * required rationale for status decisions. Both off by default, so clients written against the seed keep working.
 */
export class AddGovernanceSettings1764820000000 implements MigrationInterface {
  name = 'AddGovernanceSettings1764820000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organization_settings
        ADD COLUMN review_on_material_change boolean NOT NULL DEFAULT false,
        ADD COLUMN material_fields text[] NOT NULL DEFAULT '{provider,model,version,hosting_provider,capabilities}',
        ADD COLUMN require_status_rationale boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organization_settings DROP COLUMN review_on_material_change, DROP COLUMN material_fields, DROP COLUMN require_status_rationale`);
  }
}
