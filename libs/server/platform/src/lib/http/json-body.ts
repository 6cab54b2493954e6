import { ValidationFailedError } from '@model-inventory/server-core';
import express, { ErrorRequestHandler, RequestHandler } from 'express';

/** The largest JSON body the API reads; every documented request is far smaller. */
export const JSON_BODY_LIMIT = '256kb';

/**
 * Options for `NestFactory.create`: Nest's own body parser is off, because it turns a parse failure into a
 * 400 that quotes the parser's message and names no field; `jsonBody()` parses instead.
 */
export const HTTP_APP_OPTIONS = { bodyParser: false } as const;

class MalformedBodyError extends ValidationFailedError {
  override readonly title: string = 'Malformed Request Body';
}

/** Parse failures of body-parser carry `type`; anything else passes on untouched. */
const translateParseErrors: ErrorRequestHandler = (error, _req, _res, next) => {
  if ((error as { type?: string })?.type !== 'entity.parse.failed') return next(error);
  const raw = String((error as { body?: unknown }).body ?? '').trim();
  const isJsonScalar = raw === 'null' || raw === 'true' || raw === 'false' || /^-?\d/.test(raw) || raw.startsWith('"');
  next(new MalformedBodyError([{ field: 'body', message: isJsonScalar ? 'body must be a JSON object or array' : 'body is not valid JSON' }]));
};

/** JSON bodies (strict: objects and arrays only), with parse failures as a 400 naming `body`. */
export function jsonBody(): Array<RequestHandler | ErrorRequestHandler> {
  return [express.json({ limit: JSON_BODY_LIMIT, strict: true }), translateParseErrors];
}
