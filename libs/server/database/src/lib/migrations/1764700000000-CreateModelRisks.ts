import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seed's model_risks: a per-model risk register with soft delete (`is_deleted` + `deleted_at`, always
 * together), the seed's enums, the five-point impact/likelihood scale of the risk matrix, and who accepted a
 * risk. Models keep the number of their open risks (`open_risk_count`, Open + In Progress, active only) so the
 * register can filter and sort by it; risk writes maintain it in their own statement.
 */
export class CreateModelRisks1764700000000 implements MigrationInterface {
  name = 'CreateModelRisks1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE model_risk_category AS ENUM ('Performance', 'Bias & Fairness', 'Security', 'Data Quality', 'Compliance')`);
    await queryRunner.query(`CREATE TYPE model_risk_level AS ENUM ('Low', 'Medium', 'High', 'Critical')`);
    await queryRunner.query(`CREATE TYPE model_risk_status AS ENUM ('Open', 'In Progress', 'Resolved', 'Accepted')`);
    await queryRunner.query(`CREATE TYPE risk_rating AS ENUM ('Very Low', 'Low', 'Medium', 'High', 'Very High')`);
    await queryRunner.query(`
      CREATE TABLE model_risks (
        id                   serial PRIMARY KEY,
        organization_id      integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        model_id             integer NOT NULL REFERENCES model_inventories(id),
        risk_name            varchar(300) NOT NULL,
        risk_category        model_risk_category NOT NULL,
        risk_level           model_risk_level NOT NULL,
        status               model_risk_status NOT NULL DEFAULT 'Open',
        owner                varchar(200) NOT NULL,
        target_date          date NOT NULL,
        description          text,
        mitigation_plan      text,
        impact               risk_rating,
        likelihood           risk_rating,
        key_metrics          text,
        current_values       text,
        threshold            text,
        accepted_by_user_id  integer REFERENCES users(id),
        accepted_at          timestamptz,
        is_deleted           boolean NOT NULL DEFAULT false,
        deleted_at           timestamptz,
        version_number       integer NOT NULL DEFAULT 1,
        created_by_user_id   integer REFERENCES users(id),
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_model_risks_deleted CHECK (is_deleted = (deleted_at IS NOT NULL))
      )`);
    const active = 'WHERE NOT is_deleted';
    await queryRunner.query(`CREATE INDEX ix_model_risks_org_updated ON model_risks (organization_id, updated_at DESC, id DESC) ${active}`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_org_deleted ON model_risks (organization_id, deleted_at DESC, id DESC) WHERE is_deleted`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_model ON model_risks (model_id, status) ${active}`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_org_target ON model_risks (organization_id, target_date, id) ${active}`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_org_level ON model_risks (organization_id, risk_level, status) ${active}`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_org_owner ON model_risks (organization_id, lower(owner)) ${active}`);
    await queryRunner.query(`CREATE INDEX ix_model_risks_search ON model_risks USING gin (risk_name gin_trgm_ops)`);
    await queryRunner.query(`ALTER TABLE model_inventories ADD COLUMN open_risk_count integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_open_risks ON model_inventories (organization_id, open_risk_count DESC, id DESC) WHERE deleted_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM change_history WHERE entity_type = 'risk'`);
    await queryRunner.query(`ALTER TABLE model_inventories DROP COLUMN open_risk_count`);
    await queryRunner.query(`DROP TABLE model_risks`);
    await queryRunner.query(`DROP TYPE risk_rating`);
    await queryRunner.query(`DROP TYPE model_risk_status`);
    await queryRunner.query(`DROP TYPE model_risk_level`);
    await queryRunner.query(`DROP TYPE model_risk_category`);
  }
}
