/** Why an MLflow call failed, in the terms a user can act on. */
export type MlflowFailureKind = 'auth' | 'unreachable' | 'timeout' | 'tls' | 'not_mlflow' | 'refused' | 'not_found' | 'rate_limited' | 'server' | 'bad_request' | 'malformed';

export class MlflowCallError extends Error {
  override readonly name = 'MlflowCallError';
  constructor(
    readonly kind: MlflowFailureKind,
    message: string,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }

  /** 429, 5xx, timeouts and dropped connections are worth another try; the rest will answer the same. */
  get transient(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'server' || this.kind === 'timeout' || this.kind === 'unreachable' || this.kind === 'malformed';
  }
}

const TLS_CODES = /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH|ERR_TLS_CERT_ALTNAME_INVALID)/;
const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE', 'ECONNABORTED']);

/** Turns a transport error of OutboundHttp into a classified MLflow call error. */
export function transportFailure(error: Error & { code?: string }, host: string): MlflowCallError {
  const code = error.code ?? '';
  if (error.name === 'TimeoutError') return new MlflowCallError('timeout', `MLflow at ${host} did not answer in time (${error.message})`);
  if (code === 'OUTBOUND_REFUSED') return new MlflowCallError('refused', `The server may not call ${host}: ${error.message}`);
  if (TLS_CODES.test(code)) return new MlflowCallError('tls', `TLS failed with ${host} (${code}): the certificate is not trusted or does not match; fix it or turn verify_ssl off`);
  if (UNREACHABLE_CODES.has(code)) return new MlflowCallError('unreachable', `MLflow at ${host} cannot be reached (${code})`);
  if (/larger than/.test(error.message)) return new MlflowCallError('malformed', `MLflow at ${host} sent a response that is too large`);
  return new MlflowCallError('unreachable', `MLflow at ${host} cannot be reached (${code || error.message})`);
}

/** Seconds or an HTTP date, as Retry-After allows; null when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now = Date.now()): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
