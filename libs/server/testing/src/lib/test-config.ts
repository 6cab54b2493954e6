import { AppConfig, loadAppConfig } from '@model-inventory/server-core';
import { createHash, randomBytes } from 'node:crypto';

/** Empty TEST_REDIS_URL means "no Redis here": queues then run on BullMQ's PostgreSQL backend. */
export function testRedisUrl(): string | undefined {
  const value = process.env['TEST_REDIS_URL'];
  if (value === '') return undefined;
  return value ?? 'redis://127.0.0.1:6379';
}

export function testDatabaseUrl(): string {
  const url = process.env['MI_TEST_DATABASE_URL'];
  if (!url) throw new Error('MI_TEST_DATABASE_URL is not set: run integration tests through their jest config (globalSetup).');
  return url;
}

/** Configuration for an in-process test app: the run's database, its own queue namespace, quiet logs. */
export function testAppConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadAppConfig('api', {
    DATABASE_URL: testDatabaseUrl(),
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: randomBytes(24).toString('hex'),
    // One key per test database: every app and worker of a run reads the secrets the others stored.
    SECRETS_KEY: createHash('sha256').update(testDatabaseUrl()).digest('base64'),
    QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    MIGRATIONS_RUN: 'false',
    WEB_DIST_PATH: '/nonexistent',
    LOGIN_ATTEMPTS_PER_MINUTE: '1000',
    SIGNUPS_PER_HOUR: '1000',
    // Receivers and the fake MLflow listen on 127.0.0.1.
    OUTBOUND_ALLOW_PRIVATE: 'true',
    ...overrides,
  });
}
