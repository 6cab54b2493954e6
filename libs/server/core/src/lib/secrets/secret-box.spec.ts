import { AppConfig } from '../config/app-config';
import { generateSecretsKey, SecretBox, SecretBoxError } from './secret-box';

const boxWith = (key: string | null) => new SecretBox({ secrets: { key: key ? Buffer.from(key, 'base64') : null } } as AppConfig);

describe(SecretBox.name, () => {
  const key = generateSecretsKey();
  const sut = boxWith(key);

  it('opens what it sealed, non-ASCII included, and never stores the plain text', () => {
    const sealed = sut.seal('pässwörd 🔑');
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(sealed).not.toContain('pässwörd');
    expect(sut.open(sealed)).toBe('pässwörd 🔑');
  });

  it('uses a new IV for every value, so equal secrets look different at rest', () => {
    const [a, b] = [sut.seal('same'), sut.seal('same')];
    expect(a).not.toBe(b);
    expect(a.split(':')[1]).not.toBe(b.split(':')[1]);
  });

  it('refuses a value whose ciphertext, tag or IV was altered', () => {
    const [version, iv, tag, ciphertext] = sut.seal('secret-token').split(':');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    for (const tampered of [[version, iv, tag, flip(ciphertext)], [version, iv, flip(tag), ciphertext], [version, flip(iv), tag, ciphertext]]) {
      expect(() => sut.open(tampered.join(':'))).toThrow(SecretBoxError);
    }
  });

  it('refuses, naming SECRETS_KEY, a value sealed under another key', () => {
    const sealed = boxWith(generateSecretsKey()).seal('secret');
    expect(() => sut.open(sealed)).toThrow(/SECRETS_KEY/);
  });

  it('refuses a format it does not read', () => {
    expect(() => sut.open('plain text')).toThrow(/format/);
    expect(() => sut.open(`v2:${sut.seal('x').slice(3)}`)).toThrow(/format/);
  });

  it('names SECRETS_KEY when it is not set', () => {
    const keyless = boxWith(null);
    expect(keyless.available).toBe(false);
    expect(() => keyless.seal('x')).toThrow(/SECRETS_KEY is not set/);
  });
});
