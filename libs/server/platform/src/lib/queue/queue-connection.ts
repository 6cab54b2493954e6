import type { QueueOptions } from 'bullmq';
import { createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '@model-inventory/server-core';

function redisConnection(url: string): QueueOptions['connection'] {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Redis when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend in the application database,
 * so a machine with nothing but Node can run the product.
 */
export function queueOptions(config: AppConfig): QueueOptions {
  if (config.redisUrl) return { connection: redisConnection(config.redisUrl), prefix: config.queuePrefix };
  setDefaultBackendFactory(createPostgresBackend);
  const connection = { connectionString: config.databaseUrl, migrate: true, max: 5 };
  return { connection: connection as unknown as QueueOptions['connection'], prefix: config.queuePrefix };
}

export function queueBackendName(config: AppConfig): 'redis' | 'postgres' {
  return config.redisUrl ? 'redis' : 'postgres';
}
