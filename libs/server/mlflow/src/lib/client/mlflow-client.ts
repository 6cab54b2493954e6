import { OutboundHttp, OutboundResponse } from '@model-inventory/server-core';
import { MlflowCallError, retryAfterMs, transportFailure } from './mlflow-errors';

export interface MlflowConnection {
  /** The tracking URI, a path prefix allowed, without a trailing slash. */
  baseUrl: string;
  auth: { method: 'none' } | { method: 'basic'; username: string; password: string } | { method: 'token'; token: string };
  verifySsl: boolean;
  timeoutMs: number;
}

export interface RetryPolicy {
  /** Retries after the first try, for 429, 5xx, timeouts and dropped connections. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 5, baseDelayMs: 500, maxDelayMs: 30_000 };
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** A listing longer than this many pages is cut off (and the sync is partial). */
export const MAX_PAGES = 100_000;

export type Query = Record<string, string | number | string[]>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Model Registry REST API of one tracking server, spoken as MLflow really answers (see docs/mlflow.md):
 * GET parameters in the query string, every field optional, plain-text 401/403, offset page tokens that must be
 * followed to the end. Every call goes through OutboundHttp and retries transient failures itself.
 */
export class MlflowClient {
  private readonly host: string;

  constructor(
    private readonly http: Pick<OutboundHttp, 'request'>,
    private readonly connection: MlflowConnection,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {
    this.host = new URL(connection.baseUrl).host;
  }

  /** One call, retried on transient failures (honouring Retry-After); a 404 MLflow error is `not_found`. */
  async get<T>(endpoint: string, query: Query = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(endpoint, query);
      } catch (error) {
        if (!(error instanceof MlflowCallError) || !error.transient || attempt >= this.retry.retries) throw error;
        await sleep(this.delayOf(error, attempt));
      }
    }
  }

  /**
   * Every page of a search, as it arrives: follows `next_page_token` to the end, whatever the page size (a page
   * may be short or empty while a token still follows). A token seen twice would loop forever: that is an error.
   * The next page is requested while the caller works on this one (at most two pages in memory).
   */
  async *pages<T>(endpoint: string, itemsKey: string, query: Query): AsyncGenerator<T[]> {
    const seen = new Set<string>();
    const request = (token?: string) => {
      const call = this.get<Record<string, unknown>>(endpoint, token ? { ...query, page_token: token } : query);
      call.catch(() => undefined); // awaited on the next turn; no unhandled rejection while the caller works
      return call;
    };
    let next: Promise<Record<string, unknown>> | null = request();
    for (let page = 0; page < MAX_PAGES && next; page++) {
      const body: Record<string, unknown> = await next;
      const items = body[itemsKey];
      const token = body['next_page_token'];
      const more = typeof token === 'string' && token !== '';
      const repeated = more && seen.has(token);
      next = more && !repeated ? request(token) : null;
      if (more) seen.add(token);
      yield Array.isArray(items) ? (items as T[]) : [];
      if (repeated) throw new MlflowCallError('malformed', `MLflow repeated the page token of ${endpoint}; the listing cannot be completed`);
    }
    if (next) throw new MlflowCallError('malformed', `${endpoint} has more than ${MAX_PAGES} pages; the listing was cut off`);
  }

  private delayOf(error: MlflowCallError, attempt: number): number {
    if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, this.retry.maxDelayMs);
    const exponential = this.retry.baseDelayMs * 2 ** attempt;
    return Math.min(exponential / 2 + Math.random() * (exponential / 2), this.retry.maxDelayMs);
  }

  private async once<T>(endpoint: string, query: Query): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
    const search = params.toString();
    const url = `${this.connection.baseUrl}/api/2.0/mlflow/${endpoint}${search ? `?${search}` : ''}`;
    let response: OutboundResponse;
    try {
      response = await this.http.request(url, {
        headers: { Accept: 'application/json', ...this.authHeader() },
        timeoutMs: this.connection.timeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        verifyTls: this.connection.verifySsl,
      });
    } catch (error) {
      throw transportFailure(error as Error, this.host);
    }
    return this.parse<T>(endpoint, response);
  }

  private parse<T>(endpoint: string, { status, headers, body }: OutboundResponse): T {
    const text = body.toString('utf8');
    let json: Record<string, unknown> | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
    } catch {
      json = null;
    }
    if (status >= 200 && status < 300) {
      if (json) return json as T;
      const html = /<html|<!doctype/i.test(text);
      throw new MlflowCallError(html ? 'not_mlflow' : 'malformed', html ? `${this.host} answered ${endpoint} with a web page, not MLflow's JSON: is the URL (and its path prefix) the tracking server's?` : `MLflow sent an unreadable answer to ${endpoint}`, status);
    }
    if (status === 401) return this.fail('auth', `MLflow refused the credentials (401): check the ${this.credentialName()}`, status);
    if (status === 403) return this.fail('auth', `MLflow answered 403 Permission denied: the account may not read the Model Registry`, status);
    const errorCode = typeof json?.['error_code'] === 'string' ? (json['error_code'] as string) : null;
    const message = typeof json?.['message'] === 'string' ? (json['message'] as string).slice(0, 500) : null;
    const described = errorCode ? `${errorCode}: ${message ?? ''}`.trim() : `HTTP ${status}`;
    if (status === 429) throw new MlflowCallError('rate_limited', `MLflow is rate-limiting (${described})`, status, retryAfterMs(headers['retry-after']));
    if (status === 408 || status >= 500) throw new MlflowCallError('server', `MLflow failed on ${endpoint} (${described})`, status, retryAfterMs(headers['retry-after']));
    if (status === 404 && !errorCode) return this.fail('not_mlflow', `${this.host} answered 404 without MLflow's error format: this is not an MLflow tracking server (check the URL and its path prefix)`, status);
    if (status === 404) return this.fail('not_found', `MLflow: ${described}`, status);
    return this.fail('bad_request', `MLflow refused ${endpoint} (${described})`, status);
  }

  private fail(kind: MlflowCallError['kind'], message: string, status: number): never {
    throw new MlflowCallError(kind, message, status);
  }

  private credentialName(): string {
    const { method } = this.connection.auth;
    return method === 'basic' ? 'username and password' : method === 'token' ? 'API token' : 'authentication method (the server asks for credentials)';
  }

  private authHeader(): Record<string, string> {
    const { auth } = this.connection;
    if (auth.method === 'basic') return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}` };
    if (auth.method === 'token') return { Authorization: `Bearer ${auth.token}` };
    return {};
  }
}
