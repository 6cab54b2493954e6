import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, AppConfig, ConfigError, loadAppConfig } from '@model-inventory/server-core';
import { runMigrations } from '@model-inventory/server-database';
import { configureHttpApp, HTTP_APP_OPTIONS } from '@model-inventory/server-platform';
import { AppModule } from './app.module';

async function migrate(databaseUrl: string): Promise<void> {
  const applied = await runMigrations(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
}

async function bootstrap(): Promise<void> {
  const config = loadAppConfig('api');
  if (process.argv.includes('--migrate')) return migrate(config.databaseUrl);
  if (config.migrationsRun) await migrate(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...HTTP_APP_OPTIONS, bufferLogs: true });
  const { http } = app.get<AppConfig>(APP_CONFIG);
  configureHttpApp(app, config);
  await app.listen(http.port, http.host);
  console.log(`Model Inventory API listening on http://${http.host}:${http.port}/api`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
