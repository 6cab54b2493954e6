import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SecretBox, SecretBoxError } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';

/** SECRETS_KEY does not open the secrets stored in the database: the process must not start. */
export class SecretsKeyMismatchError extends Error {
  override readonly name = 'SecretsKeyMismatchError';
}

/**
 * At start-up, opens one stored MLflow secret: a SECRETS_KEY that cannot (another key, or none) stops the process
 * with a message naming the variable, instead of sending garbage credentials upstream later.
 */
@Injectable()
export class SecretsKeyCheck implements OnApplicationBootstrap {
  constructor(
    private readonly box: SecretBox,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(password_sealed, api_token_sealed, username_sealed) AS sealed FROM mlflow_integrations
        WHERE coalesce(password_sealed, api_token_sealed, username_sealed) IS NOT NULL ORDER BY id LIMIT 1`,
    );
    if (!row) return;
    try {
      this.box.open(row.sealed);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      throw new SecretsKeyMismatchError(`SECRETS_KEY cannot decrypt the stored MLflow credentials (${error.message}). Start with the key they were stored under, or rotate them with npm run secrets:rotate.`);
    }
  }
}
