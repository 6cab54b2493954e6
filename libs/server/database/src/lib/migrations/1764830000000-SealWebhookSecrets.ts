import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets are stored sealed (AES-256-GCM under SECRETS_KEY, `secret_sealed`), with the last four characters
 * kept apart for display. A migration cannot read SECRETS_KEY, so a secret stored in clear before this version stays
 * in `secret` until the API seals it at start-up (WebhookSecrets.sealLegacy) and clears it.
 */
export class SealWebhookSecrets1764830000000 implements MigrationInterface {
  name = 'SealWebhookSecrets1764830000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE webhooks
        ALTER COLUMN secret DROP NOT NULL,
        ADD COLUMN secret_sealed text,
        ADD COLUMN secret_hint varchar(8)`);
    await queryRunner.query(`UPDATE webhooks SET secret_hint = right(secret, 4)`);
    await queryRunner.query(`ALTER TABLE webhooks ALTER COLUMN secret_hint SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE webhooks ADD CONSTRAINT ck_webhooks_secret_stored CHECK (secret IS NOT NULL OR secret_sealed IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhooks DROP CONSTRAINT ck_webhooks_secret_stored, DROP COLUMN secret_sealed, DROP COLUMN secret_hint`);
  }
}
