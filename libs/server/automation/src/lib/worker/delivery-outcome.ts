/** What one HTTP attempt at a webhook came to. */
export interface AttemptResult {
  /** HTTP status, or null when no response arrived (network error, timeout). */
  status: number | null;
  error: string | null;
  durationMs: number;
  /** The destination is one the server never calls (a metadata or, unless allowed, private address). */
  refused?: boolean;
}

/**
 * `retry`: transient, let BullMQ back off and try again (5xx, 3xx, 408, 429, no response).
 * `reject`: the receiver refused this request as such (other 4xx), or the server refused the destination;
 * resending cannot help.
 */
export type AttemptOutcome = 'succeeded' | 'retry' | 'reject';

const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);

export function classifyAttempt({ status, refused }: Pick<AttemptResult, 'status' | 'refused'>): AttemptOutcome {
  if (refused) return 'reject';
  if (status === null) return 'retry';
  if (status >= 200 && status < 300) return 'succeeded';
  if (status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status)) return 'reject';
  return 'retry';
}

export const MAX_ERROR_LENGTH = 1000;

export function truncateError(message: string | null): string | null {
  if (message === null) return null;
  return message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message;
}
