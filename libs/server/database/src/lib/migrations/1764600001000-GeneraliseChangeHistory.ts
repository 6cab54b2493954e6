import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The field-level history serves every audited entity, not only models: rows name their entity by
 * `entity_type` + `entity_id` (every existing row is a model's), a change may be a restore, and a job may
 * make it on the system's behalf (`changed_by_system`, e.g. "MLflow sync") instead of a user. No row is lost:
 * the table is renamed and its columns are kept.
 */
export class GeneraliseChangeHistory1764600001000 implements MigrationInterface {
  name = 'GeneraliseChangeHistory1764600001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE model_inventory_change_history RENAME TO change_history`);
    await queryRunner.query(`ALTER TABLE change_history DROP CONSTRAINT model_inventory_change_history_model_inventory_id_fkey`);
    await queryRunner.query(`ALTER TABLE change_history RENAME COLUMN model_inventory_id TO entity_id`);
    await queryRunner.query(`ALTER TABLE change_history ADD COLUMN entity_type varchar(40) NOT NULL DEFAULT 'model'`);
    await queryRunner.query(`ALTER TABLE change_history ALTER COLUMN entity_type DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE change_history ADD COLUMN changed_by_system varchar(100)`);
    await queryRunner.query(`ALTER TABLE change_history DROP CONSTRAINT model_inventory_change_history_action_check`);
    await queryRunner.query(`ALTER TABLE change_history ADD CONSTRAINT ck_change_history_action CHECK (action IN ('created', 'updated', 'deleted', 'restored'))`);
    await queryRunner.query(`DROP INDEX ix_change_history_model`);
    await queryRunner.query(`CREATE INDEX ix_change_history_entity ON change_history (organization_id, entity_type, entity_id, changed_at DESC, id DESC)`);
    await queryRunner.query(`ALTER TABLE automation_events DROP CONSTRAINT automation_events_event_check`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM change_history WHERE entity_type <> 'model' OR action = 'restored'`);
    await queryRunner.query(`DROP INDEX ix_change_history_entity`);
    await queryRunner.query(`ALTER TABLE change_history DROP CONSTRAINT ck_change_history_action`);
    await queryRunner.query(`ALTER TABLE change_history ADD CONSTRAINT model_inventory_change_history_action_check CHECK (action IN ('created', 'updated', 'deleted'))`);
    await queryRunner.query(`ALTER TABLE change_history DROP COLUMN changed_by_system`);
    await queryRunner.query(`ALTER TABLE change_history DROP COLUMN entity_type`);
    await queryRunner.query(`ALTER TABLE change_history RENAME COLUMN entity_id TO model_inventory_id`);
    await queryRunner.query(
      `ALTER TABLE change_history ADD CONSTRAINT model_inventory_change_history_model_inventory_id_fkey FOREIGN KEY (model_inventory_id) REFERENCES model_inventories(id) ON DELETE CASCADE`,
    );
    await queryRunner.query(`ALTER TABLE change_history RENAME TO model_inventory_change_history`);
    await queryRunner.query(`CREATE INDEX ix_change_history_model ON model_inventory_change_history (model_inventory_id, changed_at DESC, id DESC)`);
    await queryRunner.query(`DELETE FROM automation_events WHERE event NOT IN ('model_added', 'model_updated', 'model_deleted')`);
    await queryRunner.query(`ALTER TABLE automation_events ADD CONSTRAINT automation_events_event_check CHECK (event IN ('model_added', 'model_updated', 'model_deleted'))`);
  }
}
