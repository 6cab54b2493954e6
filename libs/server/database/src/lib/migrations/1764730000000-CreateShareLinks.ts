import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Share links: a read-only view of an organisation's models or risks for someone without an account. The token is
 * stored only as its SHA-256 hash (it has 256 bits of randomness, so a fast hash is safe); a public access looks the
 * hash up through its unique index and counts itself in the same UPDATE.
 */
export class CreateShareLinks1764730000000 implements MigrationInterface {
  name = 'CreateShareLinks1764730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE share_resource AS ENUM ('models', 'risks')`);
    await queryRunner.query(`CREATE TYPE share_fields AS ENUM ('summary', 'all')`);
    await queryRunner.query(`
      CREATE TABLE share_links (
        id                serial PRIMARY KEY,
        organization_id   integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        token_hash        char(64) NOT NULL UNIQUE,
        resource          share_resource NOT NULL,
        filters           jsonb NOT NULL DEFAULT '{}',
        fields            share_fields NOT NULL,
        allow_export      boolean NOT NULL DEFAULT false,
        expires_at        timestamptz,
        enabled           boolean NOT NULL DEFAULT true,
        revoked_at        timestamptz,
        created_by        integer REFERENCES users(id) ON DELETE SET NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        last_accessed_at  timestamptz,
        access_count      integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(`CREATE INDEX ix_share_links_org_created ON share_links (organization_id, created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE share_links`);
    await queryRunner.query(`DROP TYPE share_fields`);
    await queryRunner.query(`DROP TYPE share_resource`);
  }
}
