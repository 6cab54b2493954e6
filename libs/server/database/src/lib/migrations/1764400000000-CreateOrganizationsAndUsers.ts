import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganizationsAndUsers1764400000000 implements MigrationInterface {
  name = 'CreateOrganizationsAndUsers1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organizations (
        id          serial PRIMARY KEY,
        name        varchar(200) NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE TYPE user_role AS ENUM ('Admin', 'Reviewer', 'Editor', 'Auditor')`);
    await queryRunner.query(`
      CREATE TABLE users (
        id               serial PRIMARY KEY,
        organization_id  integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        name             varchar(200) NOT NULL,
        email            varchar(254) NOT NULL,
        password_hash    varchar(255) NOT NULL,
        role             user_role NOT NULL,
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        deleted_at       timestamptz
      )`);
    // Emails log people in without naming an organisation, so they are unique across the installation.
    await queryRunner.query(`CREATE UNIQUE INDEX uq_users_email_active ON users (lower(email)) WHERE deleted_at IS NULL`);
    await queryRunner.query(`CREATE INDEX ix_users_organization ON users (organization_id) WHERE deleted_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP TYPE user_role`);
    await queryRunner.query(`DROP TABLE organizations`);
  }
}
