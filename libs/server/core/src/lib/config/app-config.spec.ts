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
