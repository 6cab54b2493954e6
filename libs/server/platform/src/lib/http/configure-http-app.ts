import { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@model-inventory/contracts';
import { AppConfig } from '@model-inventory/server-core';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { compressResponses } from './compress-responses';
import { serveConsole } from './console-files';
import { closeConnectionsWhileDraining } from './graceful-shutdown';
import { jsonBody } from './json-body';
import { setupSwagger } from './swagger';

/** Process-level HTTP setup shared by main.ts and the in-process HTTP tests; the app is created with HTTP_APP_OPTIONS. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          // Self-hosted deployments are often plain http on an intranet address.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.use(closeConnectionsWhileDraining);
  app.use(compressResponses());
  app.use(...jsonBody());
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['ETag', 'X-Request-Id', 'Content-Disposition'] });
  }
  setupSwagger(app);
  serveConsole(app, config.http.webDistPath);
}
