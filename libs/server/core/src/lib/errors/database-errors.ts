import { QueryFailedError } from 'typeorm';

/** Maps the PostgreSQL errors a client can provoke to a 4xx without leaking the database's message. */
export function problemFromDatabaseError(exception: unknown): { status: number; title?: string; detail: string } | null {
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
