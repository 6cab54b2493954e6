import { Module } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const REQUEST_ID = /^[\w-]{8,64}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** A share link's token is its only credential: the API path and the console page of a link are logged without it. */
export const withoutShareTokens = (url: string) => url.replace(/(\/public\/shares\/|^\/share\/)[^/?#]+/, '$1[token]');

/** Express sets `originalUrl`; a router mounted on a path (Nest's middleware) shortens `url`. */
type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

export const serializeRequest = (req: LoggedRequest) => ({ id: req.id, method: req.method, url: withoutShareTokens(req.originalUrl || req.url || '') });

export const serializeResponse = (res: ServerResponse) => ({ statusCode: res.headersSent ? res.statusCode : null });

/** The pino settings of every process: one short line per request, headers (and so tokens) never logged. */
export function loggingParams(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.log.level,
      genReqId: requestId,
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/api/health') },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      // The serializers read the raw request and response: pino-http's wrapping first copies each into a full
      // object (headers, query, remote address) on every request, only for these to keep three fields of it.
      wrapSerializers: false,
      serializers: { req: serializeRequest, res: serializeResponse },
      base: { service: config.role },
      transport: config.log.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
    },
  };
}

/** Structured JSON logs (pino) with a request id on every line of a request. */
@Module({
  imports: [LoggerModule.forRootAsync({ inject: [APP_CONFIG], useFactory: loggingParams })],
})
export class LoggingModule {}
