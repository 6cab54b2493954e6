const SECRET_BYTES = 32;

/**
 * A new signing secret: 32 random bytes as 64 hex characters (the API wants 16 to 255). The console generates it
 * so that nobody has to invent one; it is shown once, after the webhook is created.
 */
export function generateWebhookSecret(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  return Array.from(random(new Uint8Array(SECRET_BYTES)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
