import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes (256 bits), base64url: 43 characters. */
export function newShareToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashShareToken(token) };
}

/** Links are looked up by this hash; a token has enough entropy that a fast hash is safe. */
export const hashShareToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Anything else cannot be a token we issued: answered as unknown without a database round trip. */
export const looksLikeShareToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
