import { QueryFailedError } from 'typeorm';

export interface DatabaseProblem {
  status: number;
  title?: string;
  detail: string;
}

/** SQLSTATE classes and codes that mean "the database cannot serve us right now", not "the request is wrong". */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|the database system is (starting up|shutting down)/i;

export const DATABASE_UNAVAILABLE: DatabaseProblem = { status: 503, title: 'Service Unavailable', detail: 'The database is unavailable; retry in a few seconds.' };

/** True for errors that say the database is down or unreachable (whatever wrapped them). */
export function isDatabaseUnavailable(exception: unknown): boolean {
  const error = exception instanceof QueryFailedError ? (exception.driverError as Error & { code?: string }) : (exception as (Error & { code?: string }) | undefined);
  if (!error) return false;
  const code = error.code ?? '';
  return code.startsWith('08') || UNAVAILABLE_CODES.has(code) || NETWORK_CODES.has(code) || UNAVAILABLE_MESSAGES.test(error.message ?? '');
}

/** Maps the PostgreSQL errors a client can provoke to a 4xx, and an unreachable database to a 503, without leaking the database's message. */
export function problemFromDatabaseError(exception: unknown): DatabaseProblem | null {
  if (isDatabaseUnavailable(exception)) return DATABASE_UNAVAILABLE;
  if (!(exception instanceof QueryFailedError)) return null;
  const code = (exception.driverError as { code?: string } | undefined)?.code;
  switch (code) {
    case '23505':
      return { status: 409, title: 'Conflict', detail: 'The change conflicts with an existing record.' };
    case '23503':
      return { status: 409, title: 'Conflict', detail: 'The change refers to a record that does not exist or is still in use.' };
    case '40001':
    case '40P01':
      return { status: 409, title: 'Conflict', detail: 'The record was changed concurrently; retry the request.' };
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return { status: 400, title: 'Bad Request', detail: 'A value in the request is malformed or out of range.' };
    default:
      return null;
  }
}
