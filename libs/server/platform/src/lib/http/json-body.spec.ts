import { ValidationFailedError } from '@model-inventory/server-core';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { jsonBody } from './json-body';

/** Passes `error` through the parse-error translator and returns what it hands on. */
function translate(error: unknown): unknown {
  const translator = jsonBody()[1] as ErrorRequestHandler;
  let passedOn: unknown = 'nothing';
  translator(error, {} as Request, {} as Response, (next?: unknown) => (passedOn = next));
  return passedOn;
}

const parseFailure = (body: string) => Object.assign(new Error('Unexpected token'), { type: 'entity.parse.failed', body });

describe('jsonBody', () => {
  it('answers broken JSON with a 400 naming the body', () => {
    const error = translate(parseFailure('{"name": '));

    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).errors).toEqual([{ field: 'body', message: 'body is not valid JSON' }]);
  });

  it.each(['null', 'true', '42', '"text"'])('explains that a bare JSON scalar (%s) is not accepted', (body) => {
    const error = translate(parseFailure(body)) as ValidationFailedError;

    expect(error.errors).toEqual([{ field: 'body', message: 'body must be a JSON object or array' }]);
  });

  it('passes any other error on untouched', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { type: 'entity.too.large' });

    expect(translate(tooLarge)).toBe(tooLarge);
  });
});
