import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MLflow integration: one connection per organisation (`mlflow_integrations`; username, password and API token
 * sealed with SECRETS_KEY, never stored in plain text) and the synced Model Registry versions
 * (`mlflow_model_records`, one row per organisation, model name and version).
 */
export class CreateMlflowIntegrationsAndRecords1764810000000 implements MigrationInterface {
  name = 'CreateMlflowIntegrationsAndRecords1764810000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE mlflow_integrations (
        id                   serial PRIMARY KEY,
        organization_id      integer NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
        tracking_server_url  varchar(2048) NOT NULL,
        auth_method          varchar(10) NOT NULL CHECK (auth_method IN ('none', 'basic', 'token')),
        username_sealed      text,
        password_sealed      text,
        api_token_sealed     text,
        verify_ssl           boolean NOT NULL DEFAULT true,
        timeout              integer NOT NULL DEFAULT 30 CHECK (timeout BETWEEN 1 AND 120),
        last_synced_at       timestamptz,
        last_sync_status     varchar(10) CHECK (last_sync_status IN ('success', 'partial', 'error', 'skipped')),
        last_sync_message    text,
        last_sync_counts     jsonb,
        last_test_status     varchar(10) CHECK (last_test_status IN ('success', 'failure')),
        last_test_message    text,
        last_tested_at       timestamptz,
        created_at           timestamptz NOT NULL DEFAULT now(),
        updated_at           timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE mlflow_model_records (
        id                    serial PRIMARY KEY,
        organization_id       integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        model_name            text NOT NULL,
        version               varchar(40) NOT NULL,
        version_number        bigint,
        lifecycle_stage       varchar(40),
        previous_stage        varchar(40),
        status                varchar(40),
        aliases               text[] NOT NULL DEFAULT '{}',
        run_id                varchar(64),
        run_status            varchar(20),
        lineage_available     boolean NOT NULL DEFAULT true,
        description           text,
        model_description     text,
        source                text,
        tags                  jsonb NOT NULL DEFAULT '{}',
        model_tags            jsonb NOT NULL DEFAULT '{}',
        metrics               jsonb NOT NULL DEFAULT '{}',
        parameters            jsonb NOT NULL DEFAULT '{}',
        experiment_id         varchar(64),
        mlflow_created_at     timestamptz,
        mlflow_updated_at     timestamptz,
        content_hash          varchar(64) NOT NULL,
        last_synced_at        timestamptz NOT NULL DEFAULT now(),
        removed_upstream      boolean NOT NULL DEFAULT false,
        removed_at            timestamptz,
        inventory_model_id    integer REFERENCES model_inventories(id) ON DELETE SET NULL,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT mlflow_model_records_key UNIQUE (organization_id, model_name, version)
      )`);
    await queryRunner.query(`CREATE INDEX mlflow_model_records_listing ON mlflow_model_records (organization_id, model_name, version_number)`);
    await queryRunner.query(`CREATE INDEX mlflow_model_records_inventory ON mlflow_model_records (inventory_model_id) WHERE inventory_model_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mlflow_model_records`);
    await queryRunner.query(`DROP TABLE mlflow_integrations`);
  }
}
