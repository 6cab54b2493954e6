import { HttpErrorResponse } from '@angular/common/http';
import { describeHttpError, withReadableProblem } from './problem';

describe('withReadableProblem', () => {
  it('turns a problem document received as a Blob back into a readable problem', async () => {
    const blob = new Blob([JSON.stringify({ detail: 'format must be csv or xlsx', status: 400, title: 'Bad Request' })], {
      type: 'application/problem+json',
    });
    const error = await withReadableProblem(new HttpErrorResponse({ error: blob, status: 400, statusText: 'Bad Request' }));

    expect(describeHttpError(error)).toBe('Bad Request: format must be csv or xlsx');
  });

  it('leaves other failures as they are', async () => {
    const failure = new HttpErrorResponse({ error: new Blob(['<html>']), status: 502 });

    expect(await withReadableProblem(failure)).toBe(failure);
    expect(await withReadableProblem('boom')).toBe('boom');
  });
});
