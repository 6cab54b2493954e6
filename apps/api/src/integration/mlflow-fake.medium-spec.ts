// The fake MLflow server (tools/mlflow-fake) must behave like MLflow 3.11.1 where a registry sync depends on it
// (tools/mlflow-fake/README.md lists the MLflow behaviour it reproduces). Each test would fail if the fake drifted from that behaviour.
import {
  FakeMlflow,
  FakeMutation,
  FakeSeed,
  HttpResult,
  MlflowBody,
  mlflowGet,
  QueryValue,
  startFakeMlflow,
  WireModelVersion,
  WireRegisteredModel,
  WireRun,
} from './mlflow-fake-process';

/** Follows next_page_token until it is absent; returns every page and the listed items. */
async function allPages<T>(
  fake: FakeMlflow,
  endpoint: string,
  list: (body: MlflowBody) => T[] | undefined,
  query: Record<string, QueryValue>,
): Promise<{ pages: HttpResult[]; items: T[] }> {
  const pages: HttpResult[] = [];
  let token: string | undefined;
  do {
    const page = await mlflowGet(fake.url, endpoint, token ? { ...query, page_token: token } : query);
    expect(page.status).toBe(200);
    pages.push(page);
    token = page.json.next_page_token;
  } while (token && pages.length < 1_000);
  return { pages, items: pages.flatMap((page) => list(page.json) ?? []) };
}

const listModels = (fake: FakeMlflow, query: Record<string, QueryValue>) =>
  allPages(fake, 'registered-models/search', (body) => body.registered_models, query);

const listVersions = (fake: FakeMlflow, query: Record<string, QueryValue>) =>
  allPages(fake, 'model-versions/search', (body) => body.model_versions, query);

const searchModels = (fake: FakeMlflow, query: Record<string, QueryValue>) =>
  mlflowGet(fake.url, 'registered-models/search', query);

const searchVersions = (fake: FakeMlflow, query: Record<string, QueryValue>) =>
  mlflowGet(fake.url, 'model-versions/search', query);

/** The value, or a failed test when a response lacks it. */
function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the response has no ${what}`);
  return value;
}

const getModel = async (fake: FakeMlflow, name: string): Promise<WireRegisteredModel> =>
  present((await mlflowGet(fake.url, 'registered-models/get', { name })).json.registered_model, 'registered_model');

const getRun = async (fake: FakeMlflow, runId: string): Promise<{ response: HttpResult; run: WireRun }> => {
  const response = await mlflowGet(fake.url, 'runs/get', { run_id: runId });
  return { response, run: present(response.json.run, 'run') };
};

/** A control-API mutation that answers a model version. */
const mutateVersion = async (fake: FakeMlflow, action: FakeMutation, body: Record<string, unknown>) =>
  present((await fake.control.mutate(action, body)).model_version, 'model_version');

/**
 * How a sync client asks for one model's versions: MLflow never unescapes quotes, so double quotes, else single
 * quotes, else (both kinds in the name) a LIKE with `_` in their place, checked exactly afterwards.
 */
function versionFilter(name: string): { filter: string; exact: (v: WireModelVersion) => boolean } {
  const filter = !name.includes('"')
    ? `name = "${name}"`
    : !name.includes("'")
      ? `name = '${name}'`
      : `name LIKE '${name.replace(/['"]/g, '_')}'`;
  return { filter, exact: (v) => v.name === name };
}

/** Name order as MLflow's SQLite backend sorts (code points). */
const byCodePoint = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0) ?? 0);
  const y = [...b].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};

/** One model with versions whose timestamps make the default version order observable. */
const orderingSeed: FakeSeed = {
  runs: [
    {
      id: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
      metrics: [
        { key: 'loss', value: 0.7, step: 5, timestamp: 1_000 },
        { key: 'loss', value: 0.9, step: 1, timestamp: 2_000 },
        { key: 'val_loss', value: 'NaN', step: 0, timestamp: 1_000 },
        { key: 'grad_max', value: 'Infinity', step: 0, timestamp: 1_000 },
        { key: 'log_lik_min', value: '-Infinity', step: 0, timestamp: 1_000 },
      ],
      params: { alpha: '0.1' },
    },
    { id: 'deadbeefdeadbeefdeadbeefdeadbeef', lifecycleStage: 'deleted' },
    { id: 'c0ffeec0ffeec0ffeec0ffeec0ffee00', gc: true },
  ],
  models: [
    {
      name: 'beta',
      versions: [
        { creationTimestamp: 100, lastUpdatedTimestamp: 900 },
        { creationTimestamp: 200, lastUpdatedTimestamp: 300 },
        { creationTimestamp: 300, lastUpdatedTimestamp: 500 },
      ],
    },
    {
      name: 'alpha',
      tags: [
        { key: 'team', value: 'risk' },
        { key: 'domain', value: 'credit' },
      ],
      aliases: { champion: 2, challenger: 1 },
      versions: [
        { creationTimestamp: 100, lastUpdatedTimestamp: 500, runId: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1' },
        { creationTimestamp: 200, lastUpdatedTimestamp: 500, runId: 'c0ffeec0ffeec0ffeec0ffeec0ffee00' },
      ],
    },
  ],
};

describe('fake MLflow server (tools/mlflow-fake)', () => {
  let fake: FakeMlflow;

  beforeAll(async () => {
    fake = await startFakeMlflow(['--models', '1200', '--versions-per-model', '3']);
  });

  afterAll(() => fake?.stop());

  beforeEach(() => fake.control.clearFaults());

  describe('registered-model search', () => {
    beforeAll(() => fake.control.reset({}));

    it('pages 1,200 models with max_results=1000: each model once, no token on the last page, no prompts', async () => {
      const { pages, items } = await listModels(fake, { max_results: 1000, order_by: 'name ASC' });
      expect(pages.map((page) => page.json.registered_models?.length)).toEqual([1000, 200]);
      expect(pages[0].json.next_page_token).toBe(Buffer.from('{"offset": 1000}').toString('base64'));
      expect(Object.keys(pages[1].json)).toEqual(['registered_models']);
      const names = items.map((model) => model.name);
      expect(new Set(names).size).toBe(1200);
      expect([...names].sort(byCodePoint)).toEqual(names);
      const { samples } = await fake.control.stats();
      for (const prompt of samples.promptNames) expect(names).not.toContain(prompt);
      const model = items.find((m) => m.latest_versions?.length);
      expect(typeof model?.creation_timestamp).toBe('number');
      expect(typeof model?.latest_versions?.[0].version).toBe('string');
    });

    it('answers {} when nothing matches', async () => {
      const response = await searchModels(fake, { filter: "name = 'no-such-model'" });
      expect(response.status).toBe(200);
      expect(response.text).toBe('{}');
    });

    it('rejects max_results above 1000 with 400 INVALID_PARAMETER_VALUE', async () => {
      const response = await searchModels(fake, { max_results: 1001 });
      expect(response.status).toBe(400);
      expect(response.json).toEqual({
        error_code: 'INVALID_PARAMETER_VALUE',
        message:
          "Invalid value 1001 for parameter 'max_results' supplied. See the API docs for more information about request parameters.",
      });
      expect((await searchModels(fake, { max_results: 1000 })).status).toBe(200);
    });

    it('rejects bad page tokens with 400 and MLflow messages', async () => {
      const notBase64 = await searchModels(fake, { page_token: 'abc' });
      expect(notBase64.status).toBe(400);
      expect(notBase64.json).toEqual({
        error_code: 'INVALID_PARAMETER_VALUE',
        message: 'Invalid page token, could not base64-decode',
      });
      const noOffset = await searchModels(fake, { page_token: Buffer.from('{"foo": 1}').toString('base64') });
      expect(noOffset.status).toBe(400);
      expect(noOffset.json.message).toBe("Invalid page token, parsed value={'foo': 1}");
    });

    it('never unescapes quotes inside filter strings', async () => {
      const names = async (filter: string) =>
        ((await searchModels(fake, { filter })).json.registered_models ?? []).map((m) => m.name);
      expect(await names("name = 'o''brien-model'")).toEqual([]);
      expect(await names("name = 'o\\'brien-model'")).toEqual([]);
      expect(await names(`name = "o'brien-model"`)).toEqual(["o'brien-model"]);
      expect(await names(`name = 'say "hello" model'`)).toEqual(['say "hello" model']);
    });

    it('treats _ and % in LIKE as wildcards, case-sensitively; ILIKE folds case', async () => {
      const names = async (filter: string) =>
        ((await searchModels(fake, { filter, max_results: 1000 })).json.registered_models ?? []).map((m) => m.name);
      expect(await names("name LIKE 'o_brien-model'")).toEqual(["o'brien-model"]);
      expect(await names("name LIKE 'O_BRIEN%'")).toEqual([]);
      expect(await names("name ILIKE 'O_BRIEN-MODEL'")).toEqual(["o'brien-model"]);
      const percent = await names("name LIKE '100%'");
      expect(percent).toContain('100%-coverage');
      expect(percent.every((name) => name.startsWith('100'))).toBe(true);
    });
  });

  describe('model versions, runs and errors (seeded)', () => {
    beforeAll(() => fake.control.reset({ seed: orderingSeed }));

    it('finds the versions of every tricky name with an indexed name filter', async () => {
      await fake.control.reset({ models: 120, versionsPerModel: 3 });
      const { samples } = await fake.control.stats();
      expect(samples.trickyModelNames).toEqual(
        expect.arrayContaining([
          "o'brien-model",
          'say "hello" model',
          '100%-coverage',
          'modèle-é',
          'model with spaces',
        ]),
      );
      for (const name of samples.trickyModelNames) {
        const { filter, exact } = versionFilter(name);
        const response = await searchVersions(fake, { filter });
        expect(response.status).toBe(200);
        expect(response.json.model_versions?.filter(exact).map((v) => [v.name, typeof v.version])).toEqual([
          [name, 'string'],
          [name, 'string'],
          [name, 'string'],
        ]);
      }
      await fake.control.reset({ seed: orderingSeed });
    });

    it('orders versions by last_updated_timestamp DESC, name ASC, version DESC by default and omits aliases', async () => {
      const response = await searchVersions(fake, {});
      expect(response.json.model_versions?.map((v) => `${v.name}/${v.version}`)).toEqual([
        'beta/1',
        'alpha/2',
        'alpha/1',
        'beta/3',
        'beta/2',
      ]);
      expect(response.json.model_versions?.some((v) => 'aliases' in v)).toBe(false);
      const got = await mlflowGet(fake.url, 'model-versions/get', { name: 'alpha', version: '2' });
      expect(got.json.model_version?.aliases).toEqual(['champion']);
    });

    it('lists tags and aliases sorted in searches and in insertion order in gets', async () => {
      const searched = (await searchModels(fake, { filter: "name = 'alpha'" })).json.registered_models?.[0];
      expect(searched?.tags?.map((t) => t.key)).toEqual(['domain', 'team']);
      expect(searched?.aliases?.map((a) => a.alias)).toEqual(['challenger', 'champion']);
      const got = await getModel(fake, 'alpha');
      expect(got.tags?.map((t) => t.key)).toEqual(['team', 'domain']);
      expect(got.aliases).toEqual([
        { alias: 'champion', version: '2' },
        { alias: 'challenger', version: '1' },
      ]);
    });

    it('returns one value per metric (the highest step), NaN as "NaN", clamped infinities and outputs {}', async () => {
      const { response, run } = await getRun(fake, 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1');
      expect(response.status).toBe(200);
      const metrics = Object.fromEntries((run.data.metrics ?? []).map((m) => [m.key, m.value]));
      expect(metrics).toEqual({
        loss: 0.7,
        val_loss: 'NaN',
        grad_max: 1.7976931348623157e308,
        log_lik_min: -1.7976931348623157e308,
      });
      expect(response.text).toContain('1.7976931348623157e+308');
      expect(run.outputs).toEqual({});
      expect(run.info).toMatchObject({ status: 'FINISHED', lifecycle_stage: 'active' });
      expect(run.data.params).toEqual([{ key: 'alpha', value: '0.1' }]);
    });

    it('still returns deleted runs, and answers 404 for garbage-collected ones', async () => {
      const deleted = await getRun(fake, 'deadbeefdeadbeefdeadbeefdeadbeef');
      expect(deleted.run.info.lifecycle_stage).toBe('deleted');
      const gone = await mlflowGet(fake.url, 'runs/get', { run_id: 'c0ffeec0ffeec0ffeec0ffeec0ffee00' });
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual({
        error_code: 'RESOURCE_DOES_NOT_EXIST',
        message: 'Run with id=c0ffeec0ffeec0ffeec0ffeec0ffee00 not found',
      });
    });

    it('answers the exact MLflow errors of the get endpoints', async () => {
      const expectError = async (endpoint: string, query: Record<string, string>, status: number, message: string) => {
        const response = await mlflowGet(fake.url, endpoint, query);
        expect([response.status, response.json.message]).toEqual([status, message]);
      };
      await expectError(
        'model-versions/get',
        { name: 'nope', version: '1' },
        404,
        'Model Version (name=nope, version=1) not found',
      );
      await expectError(
        'model-versions/get',
        { name: 'alpha', version: 'abc' },
        400,
        "Parameter 'version' must be an integer, got 'abc'.",
      );
      await expectError(
        'registered-models/get',
        {},
        400,
        "Missing value for required parameter 'name'. See the API docs for more information about request parameters.",
      );
      await expectError('registered-models/get', { name: 'nope' }, 404, 'Registered Model with name=nope not found');
      await expectError(
        'registered-models/alias',
        { name: 'alpha', alias: 'nope' },
        400,
        'Registered model alias nope not found.',
      );
      await expectError(
        'experiments/get',
        { experiment_id: 'abc' },
        400,
        "Invalid experiment ID 'abc'. Experiment ID must be a valid integer.",
      );
      await expectError('experiments/get', { experiment_id: '99' }, 404, 'No Experiment with id=99 exists');
    });
  });

  describe('change detection', () => {
    beforeEach(() => fake.control.reset({ seed: orderingSeed }));

    it('does not bump last_updated_timestamp for tag and alias changes, but does for a new version', async () => {
      const before = (await getModel(fake, 'alpha')).last_updated_timestamp;
      await fake.control.mutate('models/set-tag', { name: 'alpha', key: 'owner', value: 'risk-ds' });
      await fake.control.mutate('models/set-alias', { name: 'alpha', alias: 'champion', version: 1 });
      await fake.control.mutate('models/delete-alias', { name: 'alpha', alias: 'challenger' });
      await fake.control.mutate('models/delete-tag', { name: 'alpha', key: 'team' });
      const afterTags = await getModel(fake, 'alpha');
      expect(afterTags.last_updated_timestamp).toBe(before);
      expect(afterTags.tags).toEqual([
        { key: 'domain', value: 'credit' },
        { key: 'owner', value: 'risk-ds' },
      ]);
      expect(afterTags.aliases).toEqual([{ alias: 'champion', version: '1' }]);

      const created = await mutateVersion(fake, 'versions/create', {
        name: 'alpha',
        runId: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1',
      });
      expect(created.version).toBe('3');
      const afterVersion = await getModel(fake, 'alpha');
      expect(afterVersion.last_updated_timestamp).toBeGreaterThan(before);
      expect(afterVersion.last_updated_timestamp).toBe(created.creation_timestamp);
    });

    it('bumps model and version on a stage transition', async () => {
      const before = await getModel(fake, 'beta');
      const moved = await mutateVersion(fake, 'versions/transition-stage', {
        name: 'beta',
        version: 2,
        stage: 'Production',
      });
      expect(moved.current_stage).toBe('Production');
      expect(moved.last_updated_timestamp).toBeGreaterThan(before.last_updated_timestamp);
      expect((await getModel(fake, 'beta')).last_updated_timestamp).toBe(moved.last_updated_timestamp);
    });
  });

  describe('paging hazards', () => {
    beforeEach(() => fake.control.reset({ models: 30, versionsPerModel: 2 }));

    const listNames = async () =>
      (await listModels(fake, { max_results: 10, order_by: 'name ASC' })).items.map((m) => m.name);

    it('repeats a row on the next page when a model is inserted between pages; de-duplicating by name keeps every model', async () => {
      const original = await listNames();
      await fake.control.setFaults({ mutateBetweenPages: { afterPage: 1, action: 'insert' } });
      const seen = await listNames();
      expect(seen).toHaveLength(31);
      expect(seen[10]).toBe(seen[9]);
      expect(new Set(seen)).toEqual(new Set(original));
      expect((await fake.control.stats()).models).toBe(31);
    });

    it('skips a row when a model is deleted between pages, so a listing that moved cannot prove deletions', async () => {
      const original = await listNames();
      await fake.control.setFaults({ mutateBetweenPages: { afterPage: 1, action: 'delete' } });
      const seen = await listNames();
      expect(seen).toHaveLength(29);
      expect(seen).toContain(original[0]);
      expect((await mlflowGet(fake.url, 'registered-models/get', { name: original[0] })).status).toBe(404);
      expect(original.filter((name) => !seen.includes(name))).toEqual([original[10]]);
    });

    it('leaves version pages short or empty under a permission filter while next_page_token continues', async () => {
      const names = await listNames();
      const hidden = names.slice(0, 3);
      await fake.control.setFaults({ permissionFilter: { hiddenModels: hidden } });
      const { pages, items } = await listVersions(fake, { max_results: 4, order_by: 'name ASC' });
      expect(pages[0].json).toEqual({ next_page_token: expect.any(String) });
      expect(pages[1].json.model_versions).toHaveLength(2);
      expect(pages[1].json.next_page_token).toEqual(expect.any(String));
      expect(items).toHaveLength((30 - 3) * 2);
      expect(items.some((v) => hidden.includes(v.name))).toBe(false);
      const models = await listModels(fake, { max_results: 10 });
      expect(models.pages.map((p) => p.json.registered_models?.length)).toEqual([10, 10, 7]);
      const forbidden = await mlflowGet(fake.url, 'registered-models/get', { name: hidden[0] });
      expect([forbidden.status, forbidden.text]).toEqual([403, 'Permission denied']);
    });
  });

  describe('faults', () => {
    it('answers 429 with Retry-After for the configured count, then succeeds', async () => {
      await fake.control.setFaults({ status429: { count: 2, retryAfterSeconds: 3 } });
      for (let i = 0; i < 2; i++) {
        const limited = await searchModels(fake, { max_results: 1 });
        expect(limited.status).toBe(429);
        expect(limited.headers.get('retry-after')).toBe('3');
        expect(limited.json.error_code).toBe('REQUEST_LIMIT_EXCEEDED');
      }
      expect((await searchModels(fake, { max_results: 1 })).status).toBe(200);
    });

    it('answers an HTML 404 page on every MLflow route in proxy mode', async () => {
      await fake.control.setFaults({ proxyMode: true });
      const response = await searchModels(fake, { max_results: 1 });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.text).toContain('<html>');
      expect(response.isJson).toBe(false);
      await fake.control.clearFaults();
      expect((await searchModels(fake, { max_results: 1 })).status).toBe(200);
    });
  });

  describe('routing', () => {
    it('serves the /ajax-api prefix too', async () => {
      const response = await fetch(`${fake.url}/ajax-api/2.0/mlflow/registered-models/search?max_results=1`);
      expect(response.status).toBe(200);
      expect((await response.json()).registered_models).toHaveLength(1);
    });

    it('binds routes to their method: 405 with Allow for the wrong one, 404 ENDPOINT_NOT_FOUND for unknown paths', async () => {
      const wrong = await fetch(`${fake.url}/api/2.0/mlflow/registered-models/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toContain('GET');
      const connectionTest = await fetch(`${fake.url}/api/2.0/mlflow/experiments/search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"max_results": 1}',
      });
      expect(connectionTest.status).toBe(200);
      const unknown = await mlflowGet(fake.url, 'registered-models/nope');
      expect([unknown.status, unknown.json.error_code]).toEqual([404, 'ENDPOINT_NOT_FOUND']);
    });

    it('serves everything under --static-prefix', async () => {
      const prefixed = await startFakeMlflow(['--static-prefix', '/mlflow', '--models', '3']);
      try {
        expect(prefixed.url).toBe(`${prefixed.origin}/mlflow`);
        expect((await searchModels(prefixed, {})).json.registered_models).toHaveLength(3);
        expect((await mlflowGet(prefixed.origin, 'registered-models/search')).status).toBe(404);
        expect(await (await fetch(`${prefixed.url}/health`)).text()).toBe('OK');
      } finally {
        await prefixed.stop();
      }
    });
  });

  describe('auth', () => {
    const basic = (user: string, password: string) => ({
      Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
    });

    async function expectUnauthenticated(response: HttpResult) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="mlflow"');
      expect(response.text).toBe(
        'You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html#authenticating-to-mlflow on how to authenticate.',
      );
    }

    it('basic: 401 without or with wrong credentials, 403 for the user without permission, 200 for the right one', async () => {
      const secured = await startFakeMlflow([
        '--auth',
        'basic',
        '--username',
        'sync',
        '--password',
        'pw-123',
        '--models',
        '2',
      ]);
      try {
        const search = (headers: Record<string, string> = {}) =>
          mlflowGet(secured.url, 'registered-models/search', {}, headers);
        await expectUnauthenticated(await search());
        await expectUnauthenticated(await search(basic('sync', 'wrong')));
        const denied = await search(basic('no-access', 'password1234'));
        expect([denied.status, denied.text, denied.headers.get('content-type')]).toEqual([
          403,
          'Permission denied',
          'text/html; charset=utf-8',
        ]);
        expect((await search(basic('sync', 'pw-123'))).json.registered_models).toHaveLength(2);
        expect(await (await fetch(`${secured.url}/health`)).text()).toBe('OK');

        const log = await secured.control.requests();
        expect(log.map((entry) => [entry.authorization, entry.status])).toEqual([
          [false, 401],
          [true, 401],
          [true, 403],
          [true, 200],
          [false, 200],
        ]);
        expect(JSON.stringify(log)).not.toContain(basic('sync', 'pw-123').Authorization.slice(6));
      } finally {
        await secured.stop();
      }
    });

    it('token: 401 without or with a wrong bearer token, 403 for the token without permission', async () => {
      const secured = await startFakeMlflow(['--auth', 'token', '--token', 's3cret-token', '--models', '2']);
      try {
        const search = (headers: Record<string, string> = {}) =>
          mlflowGet(secured.url, 'registered-models/search', {}, headers);
        await expectUnauthenticated(await search());
        await expectUnauthenticated(await search({ Authorization: 'Bearer nope' }));
        await expectUnauthenticated(await search(basic('admin', 'password1234')));
        const denied = await search({ Authorization: 'Bearer fake-mlflow-token-no-access' });
        expect([denied.status, denied.text]).toEqual([403, 'Permission denied']);
        expect((await search({ Authorization: 'Bearer s3cret-token' })).status).toBe(200);
        expect(JSON.stringify(await secured.control.requests())).not.toContain('s3cret');
      } finally {
        await secured.stop();
      }
    });
  });

  it('generates 10,000 models x 10 versions, lists them and searches every model’s versions quickly', async () => {
    const big = await startFakeMlflow(['--models', '10000', '--versions-per-model', '10'], { timeoutMs: 120_000 });
    try {
      expect([big.models, big.versions]).toEqual([10_000, 100_000]);
      const listStarted = Date.now();
      const { items } = await listModels(big, { max_results: 1000 });
      const listMs = Date.now() - listStarted;
      expect(items).toHaveLength(10_000);

      const searchStarted = Date.now();
      const names = items.map((model) => model.name);
      let versions = 0;
      const worker = async () => {
        for (let name = names.pop(); name !== undefined; name = names.pop()) {
          const { filter, exact } = versionFilter(name);
          const response = await searchVersions(big, { filter, max_results: 1000 });
          versions += response.json.model_versions?.filter(exact).length ?? 0;
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const searchMs = Date.now() - searchStarted;
      expect(versions).toBe(100_000);
      console.log(
        `fake MLflow 10,000 x 10: start ${big.startMs} ms, model listing (10 pages) ${listMs} ms, ` +
          `10,000 version searches ${searchMs} ms (${Math.round(10_000 / (searchMs / 1000))}/s)`,
      );
      expect(big.startMs + listMs + searchMs).toBeLessThan(60_000);
    } finally {
      await big.stop();
    }
  }, 180_000);
});
