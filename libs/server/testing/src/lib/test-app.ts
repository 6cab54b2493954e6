import { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import { AppConfig, CoreConfigModule, LoggingModule } from '@model-inventory/server-core';
import { answerMalformedRequestsWithProblems, configureHttpApp, DatabaseModule, HTTP_APP_OPTIONS, HttpPlatformModule, QueueModule } from '@model-inventory/server-platform';
import { IdentityModule } from '@model-inventory/server-identity';
import { testAppConfig } from './test-config';

type Imports = Array<Type | DynamicModule | ForwardReference>;

/**
 * The real HTTP stack (guards, validation, problem filter, database, queues) around the given
 * feature modules, listening on a random port. Identity is always in, since every route needs it.
 * `customize` may override providers (e.g. send the logs to a stream the test reads).
 */
export async function createTestApp(
  features: Imports,
  config: AppConfig = testAppConfig(),
  customize: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<NestExpressApplication> {
  const builder = Test.createTestingModule({
    imports: [CoreConfigModule.forRoot('api', config), DatabaseModule, HttpPlatformModule, IdentityModule, LoggingModule, QueueModule, ...features],
  });
  const moduleRef = await customize(builder).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ ...HTTP_APP_OPTIONS, logger: false });
  configureHttpApp(app, config);
  await app.init();
  answerMalformedRequestsWithProblems(app.getHttpServer());
  return app;
}
