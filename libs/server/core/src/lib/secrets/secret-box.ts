import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A secret could not be sealed or opened with SECRETS_KEY (unset, another key, or a changed value). */
export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

/**
 * Encrypts secrets kept in the database (integration passwords and tokens) with AES-256-GCM under SECRETS_KEY:
 * a random 12-byte IV per value, the 16-byte authentication tag checked on every open. Sealed values are
 * `v1:<iv>:<tag>:<ciphertext>` (base64), so a later format or key scheme can be told apart.
 */
@Injectable()
export class SecretBox {
  private readonly key: Buffer | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = config.secrets.key;
  }

  /** Whether SECRETS_KEY is set (without it, secrets can be neither stored nor read). */
  get available(): boolean {
    return this.key !== null;
  }

  seal(plain: string): string {
    const key = this.requireKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  open(sealed: string): string {
    const key = this.requireKey();
    const [version, iv, tag, ciphertext, ...rest] = sealed.split(':');
    if (version !== VERSION || rest.length > 0 || iv === undefined || tag === undefined || ciphertext === undefined) {
      throw new SecretBoxError('a stored secret is not in a format this version reads (expected v1:iv:tag:ciphertext)');
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('a stored secret cannot be decrypted with SECRETS_KEY: the key is not the one it was encrypted with, or the value was altered');
    }
  }

  private requireKey(): Buffer {
    if (!this.key) throw new SecretBoxError('SECRETS_KEY is not set: secrets cannot be stored or read without it (32 random bytes, base64)');
    return this.key;
  }
}

/** A new SECRETS_KEY value: 32 random bytes, base64. */
export function generateSecretsKey(): string {
  return randomBytes(32).toString('base64');
}
