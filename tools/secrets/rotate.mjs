// npm run secrets:rotate — re-encrypts every stored secret (MLflow username, password, API token; webhook secrets)
// under a new SECRETS_KEY, in one transaction, so nothing is left half-rotated.
//   DATABASE_URL        the application database (required)
//   SECRETS_KEY         the current key (else the launcher's .data/secrets-key)
//   SECRETS_KEY_NEW     the new key (else one is generated and printed)
// When the current key came from .data/secrets-key, the new one is written there after the commit. Otherwise set
// SECRETS_KEY to the new key on every API and worker, then restart them (they refuse to start with the old one).
// The format is the server's SecretBox (libs/server/core/src/lib/secrets/secret-box.ts): v1:<iv>:<tag>:<ciphertext>.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withClient } from '../lib/postgres-client.mjs';
import { dataRoot, relativeToRepo } from '../lib/paths.mjs';

const SEALED_COLUMNS = { mlflow_integrations: ['username_sealed', 'password_sealed', 'api_token_sealed'], webhooks: ['secret_sealed'] };
const KEY = /^[A-Za-z0-9+/_-]{43}=?$/;

function keyOf(name, value) {
  const text = (value ?? '').trim();
  if (!KEY.test(text) || Buffer.from(text, 'base64').length !== 32) throw new Error(`${name} must be 32 bytes encoded as base64`);
  return Buffer.from(text, 'base64');
}

function open(sealed, key) {
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== 'v1') throw new Error('a stored secret is not in the v1 format');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 });
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('SECRETS_KEY cannot decrypt the stored secrets: it is not the key they were stored under');
  }
}

function seal(plain, key) {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must be set');
  const keyFile = join(dataRoot(), 'secrets-key');
  const fromFile = !process.env.SECRETS_KEY && existsSync(keyFile);
  const current = keyOf('SECRETS_KEY', process.env.SECRETS_KEY || (fromFile ? readFileSync(keyFile, 'utf8') : ''));
  const nextText = process.env.SECRETS_KEY_NEW?.trim() || randomBytes(32).toString('base64');
  const next = keyOf('SECRETS_KEY_NEW', nextText);
  let rotated = 0;
  await withClient(process.env.DATABASE_URL, async (client) => {
    await client.query('BEGIN');
    try {
      for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
        const { rows } = await client.query(`SELECT id, ${columns.join(', ')} FROM ${table} FOR UPDATE`);
        for (const row of rows) {
          const values = columns.map((column) => (row[column] === null ? null : seal(open(row[column], current), next)));
          rotated += values.filter((value) => value !== null).length;
          await client.query(`UPDATE ${table} SET ${columns.map((column, i) => `${column} = $${i + 2}`).join(', ')} WHERE id = $1`, [row.id, ...values]);
        }
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  console.log(`Re-encrypted ${rotated} stored secrets under the new key.`);
  if (fromFile) {
    await writeFile(keyFile, `${nextText}\n`, { mode: 0o600 });
    console.log(`The new key replaced the one in ${relativeToRepo(keyFile)}; restart the application.`);
  } else if (!process.env.SECRETS_KEY_NEW) {
    console.log(`New SECRETS_KEY (set it on every API and worker, then restart them):\n${nextText}`);
  } else {
    console.log('Set SECRETS_KEY to SECRETS_KEY_NEW on every API and worker, then restart them.');
  }
}

main().catch((error) => {
  console.error(`secrets:rotate: ${error.message}`);
  process.exit(1);
});
