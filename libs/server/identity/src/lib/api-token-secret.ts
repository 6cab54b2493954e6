import { API_TOKEN_PREFIX } from '@model-inventory/contracts';
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: `mi_` + 43 characters. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 8), hash: hashApiToken(token) };
}

/** Tokens are looked up by this hash; a token has enough entropy that a fast hash is safe. */
export const hashApiToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export const isApiToken = (bearer: string) => bearer.startsWith(API_TOKEN_PREFIX);
