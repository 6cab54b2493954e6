import { PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  const sut = new PasswordHasher();

  it('verifies the password it hashed and rejects another', async () => {
    const stored = await sut.hash('correct horse battery');
    await expect(sut.verify('correct horse battery', stored)).resolves.toBe(true);
    await expect(sut.verify('correct horse batterY', stored)).resolves.toBe(false);
  });

  it('salts every hash, so equal passwords store differently', async () => {
    const [a, b] = await Promise.all([sut.hash('same password'), sut.hash('same password')]);
    expect(a).not.toEqual(b);
    expect(a).not.toContain('same password');
  });

  it('rejects a stored value it does not understand', async () => {
    await expect(sut.verify('x', 'plaintext')).resolves.toBe(false);
  });
});
