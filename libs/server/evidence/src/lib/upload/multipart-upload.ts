import { FieldError } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import busboy, { Busboy } from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';

/** The form fields an evidence upload may carry besides `file`; they are short. */
export const UPLOAD_FIELDS = ['evidence_type', 'description', 'expiry_date'] as const;
export const FIELD_MAX_BYTES = 8 * 1024;
const MAX_PARTS = 10;

export interface ReceivedUpload<T> {
  fields: Record<string, string>;
  /** Problems with the form itself (a second file, an unknown or over-long field), by field. */
  problems: FieldError[];
  /** The file's name as the client sent it, and what `store` made of it; null when no file came. */
  file: { filename: string; stored: T } | null;
}

class MalformedMultipartError extends ValidationFailedError {
  override readonly title: string = 'Malformed Request Body';
}

/** How long the rest of a refused upload is still read (and dropped) after the answer, so the client can read it. */
export const UNREAD_BODY_LINGER_MS = 2_000;

/**
 * For a request answered before its body was read (a refused upload): once the answer is sent, the rest is read and
 * dropped for UNREAD_BODY_LINGER_MS, then the connection is closed. Closing at once would reset the connection while
 * the client is still sending, and it would often lose the answer; never closing would read a 2 GB upload to its end.
 */
export function cutOffUnreadBody(req: Request): void {
  const res = req.res;
  if (req.complete || !res) return;
  res.once('finish', () => {
    if (req.complete) return;
    req.resume();
    const timer = setTimeout(() => req.socket.destroy(), UNREAD_BODY_LINGER_MS);
    timer.unref();
    req.once('end', () => clearTimeout(timer));
  });
}

const malformed = (message: string) => new MalformedMultipartError([{ field: 'body', message }]);

/**
 * Reads a multipart/form-data request as it arrives: the one `file` part goes straight to `store` (which consumes
 * the stream, with backpressure), the short fields are collected. Rejects with a 400 naming `body` for a body that is
 * not multipart or is cut short, and with `store`'s own error (413, 415, …) the moment it fails; the rest of the
 * request is then not read, and the connection is closed after the response.
 */
export function receiveUpload<T>(req: Request, store: (file: Readable, filename: string) => Promise<T>): Promise<ReceivedUpload<T>> {
  let parser: Busboy;
  try {
    parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { files: 1, fields: UPLOAD_FIELDS.length, fieldSize: FIELD_MAX_BYTES, fieldNameSize: 100, parts: MAX_PARTS } });
  } catch (error) {
    return Promise.reject(malformed(`the body must be multipart/form-data with a boundary (${(error as Error).message})`));
  }
  return new Promise<ReceivedUpload<T>>((resolve, reject) => {
    const fields: Record<string, string> = {};
    const problems: FieldError[] = [];
    let storing: Promise<{ filename: string; stored: T }> | null = null;
    let settled = false;
    let file: Readable | null = null;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      cutOffUnreadBody(req);
      // A storage still reading the file must see its end, or it would wait (holding its connection) forever.
      if (file && !file.readableEnded) file.destroy(error instanceof Error ? error : new Error(String(error)));
      reject(error);
    };

    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        problems.push({ field: name, message: `${name} is not a file field; send the document as \`file\`` });
        stream.resume();
        return;
      }
      file = stream;
      // Its errors reach `store` through the stream's iterator; this only keeps a late one from being unhandled.
      stream.on('error', () => undefined);
      storing = store(stream, info.filename ?? '').then((stored) => ({ filename: info.filename ?? '', stored }));
      storing.catch(fail);
    });
    parser.on('field', (name, value, info) => {
      if (!(UPLOAD_FIELDS as readonly string[]).includes(name)) problems.push({ field: name, message: `${name} is not a field of an evidence upload (expected: file, ${UPLOAD_FIELDS.join(', ')})` });
      else if (info.valueTruncated) problems.push({ field: name, message: `${name} is longer than ${FIELD_MAX_BYTES} bytes` });
      else if (name in fields) problems.push({ field: name, message: `${name} is sent more than once` });
      else fields[name] = value;
    });
    parser.on('filesLimit', () => problems.push({ field: 'file', message: 'send exactly one file' }));
    parser.on('fieldsLimit', () => problems.push({ field: 'body', message: `an evidence upload has at most ${UPLOAD_FIELDS.length} fields besides file` }));
    parser.on('partsLimit', () => problems.push({ field: 'body', message: `an evidence upload has at most ${MAX_PARTS} parts` }));
    parser.on('error', (error: Error) => fail(malformed(`the multipart body is malformed: ${error.message}`)));
    parser.on('close', () => {
      if (settled) return;
      if (!storing) {
        settled = true;
        resolve({ fields, problems, file: null });
        return;
      }
      storing.then((file) => {
        if (settled) return;
        settled = true;
        resolve({ fields, problems, file });
      }, fail);
    });
    req.on('close', () => {
      if (!req.complete) fail(malformed('the request ended before its body did'));
    });
    req.pipe(parser);
  });
}
