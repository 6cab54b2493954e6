import { ConfigError, loadAppConfig, loadMigrationConfig } from './app-config';

const valid = { DATABASE_URL: 'postgres://u@localhost/db', JWT_SECRET: 's'.repeat(32) };

describe(loadAppConfig.name, () => {
  it('applies defaults and leaves the queue on PostgreSQL when REDIS_URL is unset', () => {
    const config = loadAppConfig('api', valid);
    expect(config.redisUrl).toBeNull();
    expect(config.http.port).toBe(3000);
    expect(config.auth.signupEnabled).toBe(true);
  });

  it('parses numbers, booleans and lists from strings', () => {
    const config = loadAppConfig('api', { ...valid, PORT: '8080', SIGNUP_ENABLED: 'false', CORS_ORIGINS: 'https://a.example, https://b.example' });
    expect(config.http.port).toBe(8080);
    expect(config.auth.signupEnabled).toBe(false);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it('names every bad variable at once, one line each, without printing secrets', () => {
    expect.assertions(1);
    try {
      loadAppConfig('api', { DATABASE_URL: 'mysql://x', JWT_SECRET: 'short', PORT: 'abc' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'DATABASE_URL must be a postgres:// URL',
        'JWT_SECRET must be at least 32 characters long',
        'PORT must be a whole number from 1 to 65535 (got "abc")',
      ]);
    }
  });

  it('asks migrations for the database URL only', () => {
    expect(loadMigrationConfig({ DATABASE_URL: valid.DATABASE_URL, PORT: 'abc' })).toEqual({ databaseUrl: valid.DATABASE_URL });
    expect(() => loadMigrationConfig({})).toThrow('DATABASE_URL must be a postgres:// URL');
  });

  it('does not ask the worker for API-only secrets', () => {
    expect(loadAppConfig('worker', { DATABASE_URL: valid.DATABASE_URL }).role).toBe('worker');
  });
});

describe('SECRETS_KEY', () => {
  it('takes 32 bytes of base64 and hands them over as the key', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadAppConfig('worker', { DATABASE_URL: valid.DATABASE_URL, SECRETS_KEY: key }).secrets.key).toEqual(Buffer.alloc(32, 7));
    expect(loadAppConfig('api', valid).secrets.key).toBeNull();
  });

  it('refuses another length or alphabet with a message naming the variable and never its value', () => {
    for (const bad of [Buffer.alloc(16).toString('base64'), 'not base64 at all!', Buffer.alloc(33).toString('base64')]) {
      expect.hasAssertions();
      try {
        loadAppConfig('api', { ...valid, SECRETS_KEY: bad });
        throw new Error('accepted');
      } catch (error) {
        expect((error as ConfigError).problems).toEqual(['SECRETS_KEY must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)']);
      }
    }
  });
});
