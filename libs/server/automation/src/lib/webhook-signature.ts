import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Webhook-Signature` value for a body: `sha256=<hex HMAC-SHA256(secret, body bytes)>`. */
export function signPayload(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** For receivers written in Node: constant-time check of a signature header against the raw body. */
export function verifySignature(secret: string, body: string | Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signPayload(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
