import { Injectable, Logger } from '@nestjs/common';
import { SecretBox, ServiceUnavailableError } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { WebhookEntity } from './entities/webhook.entity';
import { SECRET_HINT_LENGTH } from './webhooks.mapper';

/** Webhook signing secrets at rest: sealed with the installation's SECRETS_KEY, opened only to sign a delivery. */
@Injectable()
export class WebhookSecrets {
  private readonly logger = new Logger(WebhookSecrets.name);

  constructor(
    private readonly box: SecretBox,
    private readonly dataSource: DataSource,
  ) {}

  /** The columns that store `secret`; without SECRETS_KEY a secret cannot be stored (503 naming it). */
  seal(secret: string): Pick<WebhookEntity, 'secret' | 'secret_sealed' | 'secret_hint'> {
    if (!this.box.available) {
      throw new ServiceUnavailableError('SECRETS_KEY is not set, so webhook secrets cannot be stored encrypted. Set SECRETS_KEY (32 random bytes, base64) and restart.');
    }
    return { secret: null, secret_sealed: this.box.seal(secret), secret_hint: secret.slice(-SECRET_HINT_LENGTH) };
  }

  /** The secret to sign with. */
  open(webhook: Pick<WebhookEntity, 'secret' | 'secret_sealed'>): string {
    if (webhook.secret_sealed) return this.box.open(webhook.secret_sealed);
    if (webhook.secret) return webhook.secret;
    throw new Error('a webhook has no secret stored');
  }

  /** Seals the secrets an earlier version stored in clear, and clears them. Idempotent; a no-op without SECRETS_KEY. */
  async sealLegacy(): Promise<number> {
    if (!this.box.available) return 0;
    const legacy: Array<{ id: number; secret: string }> = await this.dataSource.query(`SELECT id, secret FROM webhooks WHERE secret IS NOT NULL`);
    for (const { id, secret } of legacy) {
      await this.dataSource.query(`UPDATE webhooks SET secret_sealed = $2, secret = NULL WHERE id = $1 AND secret IS NOT NULL`, [id, this.box.seal(secret)]);
    }
    if (legacy.length > 0) this.logger.log(`sealed ${legacy.length} webhook secrets stored in clear by an earlier version`);
    return legacy.length;
  }
}
