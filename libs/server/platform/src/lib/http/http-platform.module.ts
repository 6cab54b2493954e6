import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { InputValidationPipe, ProblemDetailsFilter, RequestContextMiddleware } from '@model-inventory/server-core';

/** What every HTTP request passes through: request context, input validation, the problem+json filter. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useClass: InputValidationPipe },
  ],
})
export class HttpPlatformModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }
}
