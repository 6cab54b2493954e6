// @ts-check
// startFakeMlflow(options) -> { url, origin, port, app, close() }: the fake MLflow tracking server on node:http.
// Request order: /_fake/* control (no auth, not logged) | log | proxy mode | latency | static prefix | /health |
// 429/503 faults | auth | /version, MLflow API, or Flask's 404 page.
import { createServer } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import {
  AUTH_DEFAULTS,
  authorizationScheme,
  checkAuthorization,
} from './auth.mjs';
import { handleControl } from './control.mjs';
import {
  FLASK_NOT_FOUND_HTML,
  FORBIDDEN_TEXT,
  PROXY_NOT_FOUND_HTML,
  UNAUTHENTICATED_TEXT,
} from './errors.mjs';
import { Faults } from './faults.mjs';
import { generateDataset } from './generator.mjs';
import { readBody, send, sendHtml } from './http.mjs';
import { RequestLog } from './request-log.mjs';
import { handleApi, resolvePath } from './routes.mjs';
import { datasetFromSeed, readSeedFile } from './seed.mjs';
import { Store } from './store.mjs';

/** The MLflow release whose behaviour the default mode copies. */
export const MLFLOW_VERSION = '3.11.1';

/**
 * @typedef {object} DataOptions
 * @property {string} [seedFile]  a JSON seed file (README.md)
 * @property {object} [seed]  the same, already parsed
 * @property {number} [models]  else generate: default 50
 * @property {number} [versionsPerModel]  default 3
 * @property {number} [seedNumber]  default 42
 * @property {number} [prompts]  default 2 (0 without models)
 */

/**
 * @typedef {object} FakeMlflowOptions
 * @property {string} [host]  default 127.0.0.1
 * @property {number} [port]  default 0 (a free port)
 * @property {string} [staticPrefix]  e.g. '/mlflow'
 * @property {import('./types.mjs').Mode} [mode]  default 'oss3'
 * @property {Partial<import('./auth.mjs').AuthOptions>} [auth]  default mode 'none'
 * @property {DataOptions} [data]
 * @property {Record<string, any>} [faults]  initial faults, as for POST /_fake/faults
 * @property {number} [logLimit]  requests kept in the log (default 50,000)
 */

/** @param {DataOptions} data @returns {Promise<import('./types.mjs').Dataset>} */
async function loadDataset(data) {
  if (data.seed) return datasetFromSeed(data.seed);
  if (data.seedFile) return readSeedFile(data.seedFile);
  return generateDataset({
    models: data.models ?? 50,
    versionsPerModel: data.versionsPerModel ?? 3,
    seedNumber: data.seedNumber,
    prompts: data.prompts,
  });
}

/** @param {FakeMlflowOptions} [options] */
export async function startFakeMlflow(options = {}) {
  const mode = options.mode ?? 'oss3';
  const staticPrefix = (options.staticPrefix ?? '').replace(/\/+$/, '');
  if (staticPrefix && !staticPrefix.startsWith('/'))
    throw new Error('--static-prefix must start with /');
  /** @type {import('./auth.mjs').AuthOptions} */
  const auth = { mode: 'none', ...AUTH_DEFAULTS, ...options.auth };
  const initialData = options.data ?? {};
  const faults = new Faults();
  if (options.faults) faults.set(options.faults);

  /** @type {import('./control.mjs').FakeApp} */
  const app = {
    store: new Store(await loadDataset(initialData)),
    faults,
    log: new RequestLog(options.logLimit),
    mode,
    reset: async (body) => {
      const data = body.seed
        ? { seed: body.seed }
        : body.models !== undefined
          ? body
          : initialData;
      app.store = new Store(await loadDataset(data));
      faults.clear();
      app.log.clear();
    },
    describe: () => describe(app, auth.mode),
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      process.stderr.write(
        `fake MLflow: ${error instanceof Error ? error.stack : error}\n`,
      );
      if (!res.headersSent)
        send(res, 500, 'Internal Server Error', 'text/plain');
      else res.destroy();
    });
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    if (url.pathname.startsWith('/_fake/'))
      return handleControl(
        app,
        method,
        url.pathname.slice('/_fake/'.length),
        body,
        res,
      );
    const entry = app.log.add(
      method,
      url,
      authorizationScheme(req.headers.authorization),
    );
    res.on('finish', () => (entry.status = res.statusCode));
    if (faults.state.proxyMode)
      return send(res, 404, PROXY_NOT_FOUND_HTML, 'text/html');
    if (faults.state.latencyMs > 0) await delay(faults.state.latencyMs);
    const target = resolvePath(url.pathname, staticPrefix);
    if (target.kind === 'health') return sendHtml(res, 200, 'OK');
    const early = faults.takeEarly(
      target.kind === 'api' ? target.endpoint : undefined,
    );
    if (early)
      return send(
        res,
        early.status,
        early.body,
        early.contentType,
        early.headers,
      );
    const verdict = checkAuthorization(req.headers.authorization, auth);
    if (verdict === 'unauthenticated')
      return sendHtml(res, 401, UNAUTHENTICATED_TEXT, {
        'WWW-Authenticate': 'Basic realm="mlflow"',
      });
    if (verdict === 'forbidden') return sendHtml(res, 403, FORBIDDEN_TEXT);
    if (target.kind === 'version') return sendHtml(res, 200, MLFLOW_VERSION);
    if (target.kind === 'root')
      return send(
        res,
        200,
        `Fake MLflow ${MLFLOW_VERSION} (${mode}): REST API under ${staticPrefix}/api/2.0/mlflow/\n`,
        'text/plain',
      );
    if (target.kind !== 'api') return sendHtml(res, 404, FLASK_NOT_FOUND_HTML);
    const ctx = {
      store: app.store,
      mode,
      hidden: (/** @type {string} */ name) => faults.hidden(name),
    };
    handleApi(
      {
        ctx,
        faults,
        endpoint: target.endpoint,
        method,
        url,
        body,
        contentType: req.headers['content-type'],
      },
      res,
    );
    if (
      target.endpoint === 'registered-models/search' &&
      res.statusCode === 200
    )
      faults.afterModelSearchPage(app.store);
  }

  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolveListen(undefined),
    );
  });
  const address = /** @type {import('node:net').AddressInfo} */ (
    server.address()
  );
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  return {
    /** The tracking URI: origin plus the static prefix. */
    url: `${origin}${staticPrefix}`,
    /** Where /_fake/ lives. */
    origin,
    port: address.port,
    app,
    auth: auth.mode,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      }),
  };
}

/** Counts and samples for /_fake/stats and the start-up line. @param {import('./control.mjs').FakeApp} app @param {string} authMode */
function describe(app, authMode) {
  const store = app.store;
  let models = 0,
    prompts = 0,
    versions = 0,
    deletedVersions = 0;
  for (const model of store.models.values()) {
    const isPrompt = model.tags.get('mlflow.prompt.is_prompt') === 'true';
    if (isPrompt) prompts++;
    else models++;
    for (const version of model.versions.values()) {
      if (version.deleted) deletedVersions++;
      else if (!isPrompt) versions++;
    }
  }
  return {
    models,
    prompts,
    versions,
    deletedVersions,
    runs: store.runCount,
    experiments: store.experiments.size,
    requests: app.log.total,
    mode: app.mode,
    auth: authMode,
    samples: store.samples,
  };
}
