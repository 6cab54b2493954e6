import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiProblem, FieldError, PROBLEM_CONTENT_TYPE } from '@model-inventory/contracts';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { DomainError, ValidationFailedError } from './domain-errors';
import { problemFromDatabaseError } from './database-errors';

type ProblemCore = Pick<ApiProblem, 'status' | 'detail'> & { title?: string; errors?: FieldError[] };

function fromHttpException(exception: HttpException): ProblemCore {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const detail = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : exception.message;
  return { status, detail };
}

/** Errors raised by Express and body-parser (too large, bad charset), which carry a numeric 4xx `status`. */
function fromExpressError(exception: unknown): ProblemCore | null {
  const e = exception as { status?: unknown; type?: unknown };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500) return null;
  if (e.type === 'entity.too.large') return { status: 413, detail: 'The request body is too large.' };
  return { status: e.status, detail: STATUS_CODES[e.status] ?? 'Bad request.' };
}

/** The one place where anything thrown becomes an RFC 9457 problem document. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const core = this.toProblem(exception, request.id);
    const problem: ApiProblem = {
      type: 'about:blank',
      title: core.title ?? STATUS_CODES[core.status] ?? 'Error',
      status: core.status,
      detail: core.detail,
      instance: request.originalUrl ?? request.url,
      ...(request.id ? { request_id: String(request.id) } : {}),
      ...(core.errors ? { errors: core.errors } : {}),
    };
    if (response.headersSent) return;
    // A 503 is an outage, not a verdict: tell clients when to come back.
    if (core.status === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', '5');
    response.status(core.status).type(PROBLEM_CONTENT_TYPE).json(problem);
  }

  private toProblem(exception: unknown, requestId?: string): ProblemCore {
    if (exception instanceof ValidationFailedError) {
      return { status: 400, title: exception.title, detail: 'One or more fields are invalid.', errors: exception.errors };
    }
    if (exception instanceof DomainError) return { status: exception.status, title: exception.title, detail: exception.message };
    if (exception instanceof HttpException) return fromHttpException(exception);
    const known = fromExpressError(exception) ?? problemFromDatabaseError(exception);
    if (known) {
      const log = known.status >= 500 ? this.logger.error.bind(this.logger) : this.logger.warn.bind(this.logger);
      log(`${known.status}: ${(exception as Error).message}`);
      return known;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: `An unexpected error occurred.${requestId ? ` Quote request id ${requestId} when reporting it.` : ''}`,
    };
  }
}
