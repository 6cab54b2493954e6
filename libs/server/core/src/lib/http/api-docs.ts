import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiPreconditionFailedResponse, ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiProblemDto } from './problem.dto';

/** The media types of a table export (`?format=csv|xlsx`). */
export const TABLE_EXPORT_MEDIA_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

/** A response whose body is a file, streamed, of one of `mediaTypes`. */
export const ApiFileResponse = (...mediaTypes: string[]) =>
  applyDecorators(ApiProduces(...mediaTypes), ApiOkResponse({ description: 'The file.', schema: { type: 'string', format: 'binary' } }));

/** The `ETag` header of a response carrying one versioned record. */
export const ETAG_HEADERS = { ETag: { description: 'Send it back in If-Match to change only what you read.', schema: { type: 'string' } } };

/** A write that takes an optional `If-Match` precondition, and its 412 when the precondition is stale. */
export const ApiIfMatch = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'ETag from a previous read; a stale one gives 412 and nothing is written.' }),
    ApiPreconditionFailedResponse({ type: ApiProblemDto, description: 'If-Match is stale.' }),
  );

/** Sets the `ETag` header of `record` and returns it, for a handler answering one versioned record. */
export function withEtag<T>(res: Response, record: T, etagOf: (record: T) => string): T {
  res.setHeader('ETag', etagOf(record));
  return record;
}
