import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAutomationOutboxAndWebhooks1764500001000 implements MigrationInterface {
  name = 'CreateAutomationOutboxAndWebhooks1764500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE automation_events (
        id               bigserial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        event            varchar(40) NOT NULL CHECK (event IN ('model_added', 'model_updated', 'model_deleted')),
        payload          jsonb NOT NULL,
        occurred_at      timestamptz NOT NULL DEFAULT now(),
        dispatched_at    timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ix_automation_events_pending ON automation_events (occurred_at) WHERE dispatched_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE webhooks (
        id               serial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        url              varchar(2048) NOT NULL,
        events           text[] NOT NULL,
        secret           varchar(255) NOT NULL,
        active           boolean NOT NULL DEFAULT true,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_webhooks_org ON webhooks (organization_id) WHERE active`);
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id              bigserial PRIMARY KEY,
        webhook_id      integer NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event_id        bigint NOT NULL REFERENCES automation_events(id) ON DELETE CASCADE,
        attempt         integer NOT NULL,
        status          varchar(16) NOT NULL CHECK (status IN ('succeeded', 'failed')),
        response_code   integer,
        error           text,
        duration_ms     integer NOT NULL,
        delivered_at    timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ix_webhook_deliveries_webhook ON webhook_deliveries (webhook_id, delivered_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_deliveries`);
    await queryRunner.query(`DROP TABLE webhooks`);
    await queryRunner.query(`DROP TABLE automation_events`);
  }
}
