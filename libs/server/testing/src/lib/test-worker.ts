import { DynamicModule, ForwardReference, INestApplicationContext, Type } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppConfig, CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { DatabaseModule, QueueModule } from '@model-inventory/server-platform';
import { testAppConfig } from './test-config';

type Imports = Array<Type | DynamicModule | ForwardReference>;

/**
 * A worker process in-process: the given worker modules with the real database and queues, their processors
 * consuming and their job schedulers upserted. `customize` may override providers (e.g. shorter retry delays).
 */
export async function createTestWorker(
  workerModules: Imports,
  config: AppConfig = testAppConfig(),
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<INestApplicationContext> {
  const builder = Test.createTestingModule({
    imports: [CoreConfigModule.forRoot('worker', { ...config, role: 'worker' }), DatabaseModule, LoggingModule, QueueModule, ...workerModules],
  });
  return (await customize(builder).compile()).init();
}
