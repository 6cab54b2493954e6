import { Logger as NestLogger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX } from '@model-inventory/contracts';
import { AppConfig } from '@model-inventory/server-core';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { closeConnectionsWhileDraining } from './graceful-shutdown';
import { jsonBody } from './json-body';
import { setupSwagger } from './swagger';

function serveConsole(app: NestExpressApplication, distPath: string): void {
  const root = resolve(distPath);
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    new NestLogger('Console').warn(`No built console at ${root}; only the API is served.`);
    return;
  }
  const isApi = (req: Request) => req.path === `/${API_PREFIX}` || req.path.startsWith(`/${API_PREFIX}/`);
  const assets = express.static(root, { index: false, maxAge: '1h' });
  // API requests skip the file lookup; the console routes in the browser, so any other GET that wants HTML gets index.html.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || isApi(req) || !req.accepts('html')) return next();
    res.sendFile(index);
  });
}

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
  app.use(...jsonBody());
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({ origin: config.http.corsOrigins, exposedHeaders: ['ETag', 'X-Request-Id', 'Content-Disposition'] });
  }
  setupSwagger(app);
  serveConsole(app, config.http.webDistPath);
}
