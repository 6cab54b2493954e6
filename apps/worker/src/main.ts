import { NestFactory } from '@nestjs/core';
import { ConfigError, loadAppConfig } from '@model-inventory/server-core';
import { closeOnSignals } from '@model-inventory/server-platform';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  // Validated before Nest starts, so a bad variable is one clear message and exit code 1, no stack trace.
  loadAppConfig('worker');
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  closeOnSignals(app);
  app.get(Logger).log('Model Inventory worker started');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
