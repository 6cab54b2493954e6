import { OutboundHttp, OutboundRequest, OutboundResponse } from '@model-inventory/server-core';
import { MlflowClient, MlflowConnection } from './mlflow-client';
import { MlflowCallError } from './mlflow-errors';

type Answer = { status: number; body: string | object; headers?: Record<string, string> } | Error;

/** An OutboundHttp that answers from a script and remembers what was asked. */
function scripted(answers: Answer[]) {
  const calls: Array<{ url: string; options: OutboundRequest }> = [];
  const http = {
    request: jest.fn(async (url: string, options: OutboundRequest): Promise<OutboundResponse> => {
      calls.push({ url, options });
      const answer = answers.shift();
      if (!answer) throw new Error(`unexpected call ${url}`);
      if (answer instanceof Error) throw answer;
      const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
      return { status: answer.status, statusText: '', headers: answer.headers ?? {}, body: Buffer.from(body) };
    }),
  };
  return { http: http as unknown as OutboundHttp, calls };
}

const connection = (auth: MlflowConnection['auth'] = { method: 'none' }): MlflowConnection => ({ baseUrl: 'https://mlflow.example.com/prefix', auth, verifySsl: false, timeoutMs: 5000 });
const NO_WAIT = { retries: 3, baseDelayMs: 1, maxDelayMs: 5000 };

describe(MlflowClient.name, () => {
  it('sends GET parameters in the query string (repeated keys for lists) under the path prefix, with the credentials and TLS setting', async () => {
    const { http, calls } = scripted([{ status: 200, body: {} }]);
    await new MlflowClient(http, connection({ method: 'basic', username: 'svc', password: 'pw' }), NO_WAIT).get('registered-models/search', { max_results: 5, order_by: ['name ASC', 'timestamp DESC'] });
    expect(calls[0].url).toBe('https://mlflow.example.com/prefix/api/2.0/mlflow/registered-models/search?max_results=5&order_by=name+ASC&order_by=timestamp+DESC');
    expect(calls[0].options.headers?.['Authorization']).toBe(`Basic ${Buffer.from('svc:pw').toString('base64')}`);
    expect(calls[0].options.verifyTls).toBe(false);
  });

  it('follows next_page_token through short and empty pages to the page without one', async () => {
    const { http, calls } = scripted([
      { status: 200, body: { model_versions: [{ name: 'a', version: '1' }], next_page_token: 't1' } },
      { status: 200, body: { next_page_token: 't2' } },
      { status: 200, body: { model_versions: [{ name: 'b', version: '1' }] } },
    ]);
    const pages = [];
    for await (const page of new MlflowClient(http, connection(), NO_WAIT).pages('model-versions/search', 'model_versions', { max_results: 10 })) pages.push(page);
    expect(pages).toEqual([[{ name: 'a', version: '1' }], [], [{ name: 'b', version: '1' }]]);
    expect(calls.map((c) => new URL(c.url).searchParams.get('page_token'))).toEqual([null, 't1', 't2']);
  });

  it('refuses a page token that comes back, instead of looping forever', async () => {
    const { http } = scripted([
      { status: 200, body: { next_page_token: 'same' } },
      { status: 200, body: { next_page_token: 'same' } },
    ]);
    const pages = new MlflowClient(http, connection(), NO_WAIT).pages('registered-models/search', 'registered_models', {});
    await expect((async () => {
      for await (const page of pages) void page;
    })()).rejects.toThrow(/repeated the page token/);
  });

  it('retries 429 after the Retry-After it names, and 503, then answers', async () => {
    const { http, calls } = scripted([
      { status: 429, body: { error_code: 'REQUEST_LIMIT_EXCEEDED', message: 'slow down' }, headers: { 'retry-after': '0.05' } },
      { status: 503, body: { error_code: 'TEMPORARILY_UNAVAILABLE', message: 'busy' } },
      { status: 200, body: { run: { info: { run_id: 'r' } } } },
    ]);
    const started = Date.now();
    expect(await new MlflowClient(http, connection(), NO_WAIT).get('runs/get', { run_id: 'r' })).toEqual({ run: { info: { run_id: 'r' } } });
    expect(calls).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('gives up on a transient failure after the retries it is allowed', async () => {
    const { http, calls } = scripted(Array.from({ length: 4 }, () => ({ status: 502, body: '<html>Bad Gateway</html>' })));
    await expect(new MlflowClient(http, connection(), NO_WAIT).get('runs/get')).rejects.toMatchObject({ kind: 'server', status: 502 });
    expect(calls).toHaveLength(4);
  });

  it.each([
    [{ status: 401, body: 'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html' }, 'auth', /refused the credentials \(401\)/],
    [{ status: 403, body: 'Permission denied' }, 'auth', /403 Permission denied/],
    [{ status: 404, body: '<html><body><h1>404 Not Found</h1></body></html>' }, 'not_mlflow', /not an MLflow tracking server/],
    [{ status: 200, body: '<!doctype html><html></html>' }, 'not_mlflow', /web page/],
    [{ status: 404, body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Run with id=x not found' } }, 'not_found', /Run with id=x not found/],
    [{ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE', message: 'bad', sqlstate: '22023' } }, 'bad_request', /INVALID_PARAMETER_VALUE: bad/],
  ] as const)('classifies %j as %s, without retrying', async (answer, kind, message) => {
    const { http, calls } = scripted([answer]);
    const failure = new MlflowClient(http, connection(), NO_WAIT).get('runs/get');
    await expect(failure).rejects.toBeInstanceOf(MlflowCallError);
    await expect(failure).rejects.toMatchObject({ kind, message: expect.stringMatching(message) });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['timeout', Object.assign(new Error('no answer within 5 s'), { name: 'TimeoutError' })],
    ['unreachable', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['tls', Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })],
    ['refused', Object.assign(new Error('169.254.169.254 is a link-local address'), { code: 'OUTBOUND_REFUSED' })],
  ] as const)('classifies a transport failure as %s', async (kind, error) => {
    const { http } = scripted([error, error, error, error]);
    await expect(new MlflowClient(http, connection(), NO_WAIT).get('runs/get')).rejects.toMatchObject({ kind });
  });
});
