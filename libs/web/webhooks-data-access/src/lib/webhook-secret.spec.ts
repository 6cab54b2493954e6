import { generateWebhookSecret } from './webhook-secret';

describe(generateWebhookSecret.name, () => {
  it('turns 32 random bytes into 64 hex characters, within the 16 to 255 the API accepts', () => {
    const secret = generateWebhookSecret((bytes) => bytes.map((_, index) => index * 8));

    expect(secret).toHaveLength(64);
    expect(secret.startsWith('0008101820')).toBe(true);
  });

  it('differs on every call with the browser\'s random source', () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
  });
});
