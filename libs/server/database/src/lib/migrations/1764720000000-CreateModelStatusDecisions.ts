import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval records: every status decision on a model (who, when, from → to, and why) is kept in
 * `model_status_decisions`; the model carries its latest non-Pending decision (`approved_by_*`, `approved_at`,
 * `status_rationale`). The decider's name is copied so the record still reads when the account is removed.
 */
export class CreateModelStatusDecisions1764720000000 implements MigrationInterface {
  name = 'CreateModelStatusDecisions1764720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE model_inventories
        ADD COLUMN status_rationale     text,
        ADD COLUMN approved_by_user_id  integer REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN approved_by_name     varchar(200),
        ADD COLUMN approved_at          timestamptz`);
    await queryRunner.query(`
      CREATE TABLE model_status_decisions (
        id                  serial PRIMARY KEY,
        organization_id     integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        model_id            integer NOT NULL REFERENCES model_inventories(id) ON DELETE CASCADE,
        from_status         model_status,
        to_status           model_status NOT NULL,
        rationale           text,
        decided_by_user_id  integer REFERENCES users(id) ON DELETE SET NULL,
        decided_by_name     varchar(200) NOT NULL,
        decided_at          timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      )`);
    await queryRunner.query(`CREATE INDEX ix_model_status_decisions_model ON model_status_decisions (organization_id, model_id, decided_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE model_status_decisions`);
    await queryRunner.query(`
      ALTER TABLE model_inventories
        DROP COLUMN status_rationale, DROP COLUMN approved_by_user_id, DROP COLUMN approved_by_name, DROP COLUMN approved_at`);
  }
}
