import { INestApplication, INestApplicationContext, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;
const logger = new Logger('Shutdown');

/** Set once the process starts draining: responses then ask keep-alive clients to reconnect (elsewhere). */
let draining = false;

export function closeConnectionsWhileDraining(_req: Request, res: Response, next: NextFunction): void {
  if (draining) res.setHeader('Connection', 'close');
  next();
}

/**
 * SIGTERM/SIGINT: stop accepting connections, let the requests in flight finish (up to `timeoutMs`), then close the
 * application (database, queues) and exit 0. Nest's own shutdown hooks close the database first and re-raise the
 * signal, which reset requests in flight and made the process die by the signal.
 */
export function drainOnSignals(app: INestApplication, timeoutMs: number): void {
  const server = app.getHttpServer() as Server;
  onceOnSignal(async (signal) => {
    draining = true;
    logger.log(`${signal}: no new connections; finishing the requests in flight (at most ${timeoutMs / 1000} s)`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
    const timedOut = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([closed, timedOut])) === 'timeout') {
      logger.warn('requests still running at the shutdown timeout were cut off');
      server.closeAllConnections();
    }
    clearInterval(idleSweep);
    await app.close();
  });
}

/** For processes without HTTP (the worker): close on SIGTERM/SIGINT (BullMQ finishes active jobs) and exit 0. */
export function closeOnSignals(app: INestApplicationContext): void {
  onceOnSignal(async (signal) => {
    logger.log(`${signal}: finishing active jobs and stopping`);
    await app.close();
  });
}

function onceOnSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      stop(signal).then(
        () => process.exit(0),
        (error: Error) => {
          logger.error(`shutdown failed: ${error.stack ?? error.message}`);
          process.exit(1);
        },
      );
    });
  }
}
