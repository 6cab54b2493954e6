import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadAppConfig, loadMigrationConfig } from '@model-inventory/server-core';
import { runMigrations } from '@model-inventory/server-database';
import { answerMalformedRequestsWithProblems, configureHttpApp, drainOnSignals, HTTP_APP_OPTIONS } from '@model-inventory/server-platform';
import { AppModule } from './app.module';

async function migrate(databaseUrl: string): Promise<void> {
  const applied = await runMigrations(databaseUrl);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.');
}

async function bootstrap(): Promise<void> {
  if (process.argv.includes('--migrate')) return migrate(loadMigrationConfig().databaseUrl);
  // Validated before Nest starts, so a bad variable is one clear message and exit code 1, no stack trace.
  const config = loadAppConfig('api');
  if (config.migrationsRun) await migrate(config.databaseUrl);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { ...HTTP_APP_OPTIONS, bufferLogs: true });
  configureHttpApp(app, config);
  await app.listen(config.http.port, config.http.host);
  answerMalformedRequestsWithProblems(app.getHttpServer());
  drainOnSignals(app, config.http.shutdownTimeoutMs);
  console.log(`Model Inventory API listening on http://${config.http.host}:${config.http.port}/api`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
