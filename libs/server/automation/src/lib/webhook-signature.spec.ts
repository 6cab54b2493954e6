import { createHmac } from 'node:crypto';
import { signPayload, verifySignature } from './webhook-signature';

describe(signPayload.name, () => {
  const secret = 'a-secret-of-16-chars';

  it('is the hex HMAC-SHA256 of the exact bytes, prefixed with the algorithm', () => {
    const body = '{"id":1,"event":"model_added"}';
    expect(signPayload(secret, body)).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  });

  it('matches a published HMAC-SHA256 test vector (RFC 4231, case 2)', () => {
    expect(signPayload('Jefe', 'what do ya want for nothing?')).toBe('sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('signs bytes, not characters: a string and its UTF-8 buffer sign alike', () => {
    const body = '{"name":"Modèle ✓"}';
    expect(signPayload(secret, Buffer.from(body, 'utf8'))).toBe(signPayload(secret, body));
  });

  it('changes with the secret and with any change to the body', () => {
    const body = '{"a":1}';
    expect(signPayload(secret, body)).not.toBe(signPayload(`${secret}x`, body));
    expect(signPayload(secret, body)).not.toBe(signPayload(secret, '{"a": 1}'));
  });
});

describe(verifySignature.name, () => {
  const secret = 'another-secret-16+';
  const body = '{"id":7}';

  it('accepts the signature it made and refuses a tampered body, a wrong secret or no header', () => {
    const header = signPayload(secret, body);
    expect(verifySignature(secret, body, header)).toBe(true);
    expect(verifySignature(secret, '{"id":8}', header)).toBe(false);
    expect(verifySignature('wrong-secret-16-chars', body, header)).toBe(false);
    expect(verifySignature(secret, body, undefined)).toBe(false);
    expect(verifySignature(secret, body, 'sha256=short')).toBe(false);
  });
});
