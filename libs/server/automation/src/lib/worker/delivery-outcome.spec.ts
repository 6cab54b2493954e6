import { classifyAttempt, MAX_ERROR_LENGTH, truncateError } from './delivery-outcome';

describe(classifyAttempt.name, () => {
  it.each([200, 201, 202, 204, 299])('counts %p as delivered', (status) => {
    expect(classifyAttempt({ status })).toBe('succeeded');
  });

  it.each([500, 502, 503, 504, 301, 302, 408, 429])('retries %p with backoff', (status) => {
    expect(classifyAttempt({ status })).toBe('retry');
  });

  it('retries when no response arrived (connection refused, timeout)', () => {
    expect(classifyAttempt({ status: null })).toBe('retry');
  });

  it.each([400, 401, 403, 404, 410, 413, 422])('gives up at once on %p: the receiver rejected the request', (status) => {
    expect(classifyAttempt({ status })).toBe('reject');
  });

  it('gives up at once when the server refused the destination: it will refuse it again', () => {
    expect(classifyAttempt({ status: null, refused: true })).toBe('reject');
  });
});

describe(truncateError.name, () => {
  it('keeps short messages and null as they are', () => {
    expect(truncateError('HTTP 500')).toBe('HTTP 500');
    expect(truncateError(null)).toBeNull();
  });

  it(`cuts long messages to ${MAX_ERROR_LENGTH} characters`, () => {
    const cut = truncateError('x'.repeat(5000));
    expect(cut).toHaveLength(MAX_ERROR_LENGTH);
    expect(cut?.endsWith('…')).toBe(true);
  });
});
