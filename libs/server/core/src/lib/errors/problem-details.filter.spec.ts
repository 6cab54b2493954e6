import { ArgumentsHost, BadRequestException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { NotFoundError, ValidationFailedError } from './domain-errors';
import { ProblemDetailsFilter } from './problem-details.filter';

function hostFor(response: { status: jest.Mock; type: jest.Mock; json: jest.Mock; setHeader: jest.Mock; headersSent: boolean }) {
  const request = { originalUrl: '/api/projects/1', id: 'req-1' };
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }) } as unknown as ArgumentsHost;
}

function capture(exception: unknown) {
  const response = { status: jest.fn(), type: jest.fn(), json: jest.fn(), setHeader: jest.fn(), headersSent: false };
  response.status.mockReturnValue(response);
  response.type.mockReturnValue(response);
  new ProblemDetailsFilter().catch(exception, hostFor(response));
  return { status: response.status.mock.calls[0][0], type: response.type.mock.calls[0][0], body: response.json.mock.calls[0][0] };
}

describe(ProblemDetailsFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('renders domain errors as problem+json with their status', () => {
    const { status, type, body } = capture(new NotFoundError('Project', 1));
    expect(status).toBe(404);
    expect(type).toBe('application/problem+json');
    expect(body).toMatchObject({ title: 'Not Found', detail: 'Project 1 was not found.', request_id: 'req-1', instance: '/api/projects/1' });
  });

  it('lists one entry per failing field for validation errors', () => {
    const { status, body } = capture(new ValidationFailedError([{ field: 'name', message: 'name should not be empty' }]));
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'name', message: 'name should not be empty' }]);
  });

  it('never leaks a raw database message', () => {
    const error = new QueryFailedError('INSERT', [], Object.assign(new Error('duplicate key value violates unique constraint "uq_x"'), { code: '23505' }));
    const { status, body } = capture(error);
    expect(status).toBe(409);
    expect(JSON.stringify(body)).not.toContain('uq_x');
  });

  it('answers 503 with Retry-After when the database cannot be reached, whatever wrapped the error', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = new QueryFailedError('SELECT 1', [], Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    for (const error of [refused, shutdown, new Error('Connection terminated unexpectedly')]) {
      const { status, body } = capture(error);
      expect(status).toBe(503);
      expect(body.detail).toBe('The database is unavailable; retry in a few seconds.');
    }
  });

  it('hides unexpected errors behind a 500 that quotes the request id', () => {
    const { status, body } = capture(new Error('secret stack detail'));
    expect(status).toBe(500);
    expect(body.detail).toContain('req-1');
    expect(JSON.stringify(body)).not.toContain('secret stack detail');
  });

  it('keeps the status of Nest HTTP exceptions', () => {
    expect(capture(new BadRequestException('bad')).body).toMatchObject({ status: 400, detail: 'bad' });
  });
});
