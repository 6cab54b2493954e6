export * from './lib/database/database.module';
export * from './lib/queue/queue.module';
export * from './lib/queue/queue-connection';
export * from './lib/health/health.module';
export * from './lib/system/system.module';
export * from './lib/http/http-platform.module';
export * from './lib/http/configure-http-app';
export * from './lib/http/swagger';
