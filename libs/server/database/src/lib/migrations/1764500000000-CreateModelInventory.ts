import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateModelInventory1764500000000 implements MigrationInterface {
  name = 'CreateModelInventory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE model_status AS ENUM ('Approved', 'Restricted', 'Pending', 'Blocked')`);
    await queryRunner.query(`
      CREATE TABLE model_inventories (
        id                        serial PRIMARY KEY,
        organization_id           integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        provider                  varchar(200) NOT NULL,
        model                     varchar(200) NOT NULL,
        version                   varchar(100) NOT NULL,
        approver                  varchar(254) NOT NULL,
        capabilities              text[] NOT NULL,
        security_assessment       boolean NOT NULL DEFAULT false,
        status                    model_status NOT NULL DEFAULT 'Pending',
        status_date               date NOT NULL,
        reference_link            varchar(2048) NOT NULL,
        biases                    text NOT NULL,
        limitations               text NOT NULL,
        hosting_provider          varchar(200) NOT NULL,
        security_assessment_data  jsonb NOT NULL DEFAULT '[]',
        is_demo                   boolean NOT NULL DEFAULT false,
        version_number            integer NOT NULL DEFAULT 1,
        created_by_user_id        integer REFERENCES users(id),
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        deleted_at                timestamptz
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_updated ON model_inventories (organization_id, updated_at DESC, id DESC) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_status ON model_inventories (organization_id, status) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_provider ON model_inventories (organization_id, lower(provider)) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_approver ON model_inventories (organization_id, lower(approver)) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_status_date ON model_inventories (organization_id, status_date DESC, id DESC) ${live}`);
    // Search matches provider, model and version together ("openai gpt-4" finds OpenAI / GPT-4).
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX ix_model_inventories_search ON model_inventories USING gin ((provider || ' ' || model || ' ' || version) gin_trgm_ops) ${live}`,
    );
    await queryRunner.query(`CREATE INDEX ix_model_inventories_org_assessment ON model_inventories (organization_id, security_assessment) ${live}`);

    await queryRunner.query(`
      CREATE TABLE model_inventories_projects_frameworks (
        id                  serial PRIMARY KEY,
        model_inventory_id  integer NOT NULL REFERENCES model_inventories(id) ON DELETE CASCADE,
        project_id          integer REFERENCES projects(id) ON DELETE CASCADE,
        framework_id        integer REFERENCES frameworks(id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ck_mipf_project_or_framework CHECK (project_id IS NOT NULL OR framework_id IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX ix_mipf_model ON model_inventories_projects_frameworks (model_inventory_id)`);
    await queryRunner.query(`CREATE INDEX ix_mipf_project ON model_inventories_projects_frameworks (project_id, model_inventory_id) WHERE project_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_mipf_framework ON model_inventories_projects_frameworks (framework_id, model_inventory_id) WHERE framework_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_mipf_link ON model_inventories_projects_frameworks
        (model_inventory_id, coalesce(project_id, 0), coalesce(framework_id, 0))`);

    await queryRunner.query(`
      CREATE TABLE model_inventory_change_history (
        id                  bigserial PRIMARY KEY,
        organization_id     integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        model_inventory_id  integer NOT NULL REFERENCES model_inventories(id) ON DELETE CASCADE,
        action              varchar(16) NOT NULL CHECK (action IN ('created', 'updated', 'deleted')),
        field_name          varchar(100) NOT NULL,
        old_value           text,
        new_value           text,
        changed_by_user_id  integer REFERENCES users(id),
        changed_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_change_history_model ON model_inventory_change_history (model_inventory_id, changed_at DESC, id DESC)`);

    await queryRunner.query(`
      CREATE TABLE model_inventory_snapshots (
        id               bigserial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        parameter        varchar(40) NOT NULL CHECK (parameter IN ('status', 'security_assessment')),
        snapshot_data    jsonb NOT NULL,
        trigger          varchar(16) NOT NULL CHECK (trigger IN ('change', 'manual', 'daily')),
        recorded_at      timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`CREATE INDEX ix_snapshots_org_parameter_time ON model_inventory_snapshots (organization_id, parameter, recorded_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE model_inventory_snapshots`);
    await queryRunner.query(`DROP TABLE model_inventory_change_history`);
    await queryRunner.query(`DROP TABLE model_inventories_projects_frameworks`);
    await queryRunner.query(`DROP TABLE model_inventories`);
    await queryRunner.query(`DROP TYPE model_status`);
  }
}
