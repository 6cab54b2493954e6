import { MigrationInterface, QueryRunner } from 'typeorm';

const EVIDENCE_TYPES = [
  'Model Card',
  'Security Assessment Report',
  'Risk Assessment Report',
  'Bias and Fairness Report',
  'DPIA',
  'Robustness/Stress Test',
  'Evaluation Metrics Summary',
  'Human Oversight Plan',
  'Third-party Audit',
  'Conformity Assessment',
  'Vendor Model Documentation',
  'Internal Approval Record',
  'Other',
];

/**
 * Evidence files of models: `model_evidence` holds what the API shows (organisation-scoped, soft-deleted with who
 * deleted it, and the expiry state the daily job last announced), `evidence_blobs` the bytes of the default
 * PostgreSQL storage in chunks of about 1 MB under a random key that only the evidence row knows (`written_at` lets the
 * daily job remove chunks of uploads that never got their row, e.g. when the API stopped mid-upload).
 * `organization_settings` holds per-organisation rules, the first being the approval gate.
 */
export class CreateModelEvidence1764800000000 implements MigrationInterface {
  name = 'CreateModelEvidence1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const types = EVIDENCE_TYPES.map((type) => `'${type}'`).join(', ');
    await queryRunner.query(`
      CREATE TABLE model_evidence (
        id                   serial PRIMARY KEY,
        organization_id      integer NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        model_id             integer NOT NULL REFERENCES model_inventories(id),
        storage_backend      varchar(20) NOT NULL CHECK (storage_backend IN ('postgres', 's3')),
        storage_key          uuid NOT NULL UNIQUE,
        filename             varchar(200) NOT NULL,
        size                 bigint NOT NULL CHECK (size > 0),
        mimetype             varchar(150) NOT NULL,
        sha256               char(64) NOT NULL,
        evidence_type        varchar(60) NOT NULL CHECK (evidence_type IN (${types})),
        description          text,
        expiry_date          date,
        expiry_state         varchar(10) NOT NULL DEFAULT 'current' CHECK (expiry_state IN ('current', 'expiring', 'expired')),
        uploaded_by_user_id  integer REFERENCES users(id) ON DELETE SET NULL,
        upload_date          timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        deleted_at           timestamptz,
        deleted_by_user_id   integer REFERENCES users(id) ON DELETE SET NULL,
        bytes_purged_at      timestamptz
      )`);
    const live = 'WHERE deleted_at IS NULL';
    await queryRunner.query(`CREATE INDEX ix_model_evidence_org_uploaded ON model_evidence (organization_id, upload_date DESC, id DESC) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_evidence_model ON model_evidence (model_id, evidence_type) ${live}`);
    await queryRunner.query(`CREATE INDEX ix_model_evidence_org_expiry ON model_evidence (organization_id, expiry_date) ${live} AND expiry_date IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX ix_model_evidence_expiry_state ON model_evidence (expiry_date, expiry_state) ${live} AND expiry_date IS NOT NULL AND expiry_state <> 'expired'`);
    await queryRunner.query(`
      CREATE TABLE evidence_blobs (
        storage_key  uuid NOT NULL,
        chunk_index  integer NOT NULL CHECK (chunk_index >= 0),
        data         bytea NOT NULL,
        written_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (storage_key, chunk_index)
      )`);
    // Documents are mostly compressed already (PDF, Office zips, images): store them out of line, uncompressed.
    await queryRunner.query(`ALTER TABLE evidence_blobs ALTER COLUMN data SET STORAGE EXTERNAL`);
    await queryRunner.query(`
      CREATE TABLE organization_settings (
        organization_id             integer PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
        approval_requires_evidence  boolean NOT NULL DEFAULT false,
        updated_by_user_id          integer REFERENCES users(id) ON DELETE SET NULL,
        updated_at                  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM change_history WHERE entity_type = 'evidence' OR (entity_type = 'model' AND field_name IN ('evidence_added', 'evidence_removed'))`);
    await queryRunner.query(`DELETE FROM automation_events WHERE event IN ('evidence_expiring', 'evidence_expired')`);
    await queryRunner.query(`UPDATE model_inventories SET security_assessment_data = '[]' WHERE security_assessment_data <> '[]'`);
    await queryRunner.query(`DROP TABLE organization_settings`);
    await queryRunner.query(`DROP TABLE evidence_blobs`);
    await queryRunner.query(`DROP TABLE model_evidence`);
  }
}
