import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust: every sign-in opens a session that can be revoked (sign-out, a password change, an Admin's reset or
 * role change); scripts use API tokens, stored as SHA-256 hashes only; and a security audit log records who signed
 * in, changed whom, and which keys and integrations were made. The log is append-only: a trigger refuses updates.
 */
export class CreateSessionsApiTokensAndAuditEvents1764710000000 implements MigrationInterface {
  name = 'CreateSessionsApiTokensAndAuditEvents1764710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sessions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id          integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz NOT NULL,
        revoked_at       timestamptz,
        revoked_reason   varchar(40)
      )`);
    await queryRunner.query(`CREATE INDEX ix_sessions_user_live ON sessions (user_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE api_tokens (
        id               serial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id          integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name             varchar(100) NOT NULL,
        role             user_role NOT NULL,
        prefix           varchar(16) NOT NULL,
        token_hash       char(64) NOT NULL UNIQUE,
        created_at       timestamptz NOT NULL DEFAULT now(),
        expires_at       timestamptz,
        last_used_at     timestamptz,
        revoked_at       timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ix_api_tokens_org_user ON api_tokens (organization_id, user_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id               bigserial PRIMARY KEY,
        organization_id  integer REFERENCES organizations(id) ON DELETE CASCADE,
        occurred_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
        action           varchar(60) NOT NULL,
        actor_user_id    integer REFERENCES users(id),
        actor_name       varchar(200),
        actor_email      varchar(254),
        ip               varchar(64),
        user_agent       varchar(300),
        target_type      varchar(40),
        target_id        varchar(64),
        details          jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX ix_audit_events_org_time ON audit_events (organization_id, occurred_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX ix_audit_events_org_action ON audit_events (organization_id, action, occurred_at DESC)`);
    await queryRunner.query(`
      CREATE FUNCTION refuse_audit_event_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION refuse_audit_event_update()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION refuse_audit_event_update()`);
    await queryRunner.query(`DROP TABLE api_tokens`);
    await queryRunner.query(`DROP TABLE sessions`);
  }
}
