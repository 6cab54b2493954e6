// @ts-check
// The test control API under /_fake/ (no auth, JSON in and out). README.md lists every endpoint and body.
import { MlflowError } from './errors.mjs';
import { encodeModelVersion, encodeRegisteredModel } from './encoding.mjs';
import { sendJson } from './http.mjs';
import * as versions from './version-writes.mjs';

/**
 * What the control API works on; `store` is replaced on reset.
 * @typedef {object} FakeApp
 * @property {import('./store.mjs').Store} store
 * @property {import('./faults.mjs').Faults} faults
 * @property {import('./request-log.mjs').RequestLog} log
 * @property {import('./types.mjs').Mode} mode
 * @property {(body: Record<string, any>) => Promise<void>} reset
 * @property {() => Record<string, unknown>} describe
 */

/** @typedef {(app: FakeApp, body: Record<string, any>) => unknown} Action */

/** @param {Record<string, any>} body @param {string} key @returns {string} */
function text(body, key) {
  const value = body[key];
  if (value === undefined || value === null || value === '')
    throw new Error(`${key} is required`);
  return String(value);
}

/** @param {Record<string, any>} body */
function version(body) {
  const number = Number(body.version);
  if (!Number.isInteger(number)) throw new Error('version must be an integer');
  return number;
}

/** @param {FakeApp} app @param {import('./types.mjs').RegisteredModel} model */
const modelBody = (app, model) => ({
  registered_model: encodeRegisteredModel(model, {
    sorted: false,
    mode: app.mode,
  }),
});

/** @param {FakeApp} app @param {import('./types.mjs').ModelVersion} v */
const versionBody = (app, v) => ({
  model_version: encodeModelVersion(
    v,
    { sorted: false, mode: app.mode },
    app.store.aliasesOf(v),
  ),
});

/** @type {Record<string, Action>} */
const POST_ACTIONS = {
  reset: async (app, body) => (await app.reset(body), app.describe()),
  faults: (app, body) => (app.faults.set(body), app.faults.state),
  'models/create': (app, b) =>
    modelBody(
      app,
      app.store.createModel({
        name: text(b, 'name'),
        description: b.description,
        tags: b.tags,
      }),
    ),
  'models/delete': (app, b) => (app.store.deleteModel(text(b, 'name')), {}),
  'models/update': (app, b) =>
    modelBody(
      app,
      app.store.updateModelDescription(
        text(b, 'name'),
        String(b.description ?? ''),
      ),
    ),
  'models/set-tag': (app, b) => (
    app.store.setModelTag(
      text(b, 'name'),
      text(b, 'key'),
      String(b.value ?? ''),
    ),
    modelBody(app, app.store.requireModel(b.name))
  ),
  'models/delete-tag': (app, b) => (
    app.store.deleteModelTag(text(b, 'name'), text(b, 'key')),
    modelBody(app, app.store.requireModel(b.name))
  ),
  'models/set-alias': (app, b) => (
    app.store.setAlias(text(b, 'name'), text(b, 'alias'), version(b)),
    modelBody(app, app.store.requireModel(b.name))
  ),
  'models/delete-alias': (app, b) => (
    app.store.deleteAlias(text(b, 'name'), text(b, 'alias')),
    modelBody(app, app.store.requireModel(b.name))
  ),
  'versions/create': (app, b) =>
    versionBody(
      app,
      versions.createVersion(app.store, {
        name: text(b, 'name'),
        source: b.source,
        runId: b.runId,
        description: b.description,
        tags: b.tags,
        status: b.status,
        statusMessage: b.statusMessage,
        userId: b.userId,
      }),
    ),
  'versions/delete': (app, b) => (
    versions.deleteVersion(app.store, text(b, 'name'), version(b)),
    {}
  ),
  'versions/update': (app, b) =>
    versionBody(
      app,
      versions.updateVersionDescription(
        app.store,
        text(b, 'name'),
        version(b),
        String(b.description ?? ''),
      ),
    ),
  'versions/transition-stage': (app, b) =>
    versionBody(
      app,
      versions.transitionStage(
        app.store,
        text(b, 'name'),
        version(b),
        text(b, 'stage'),
        Boolean(b.archiveExistingVersions),
      ),
    ),
  'versions/set-tag': (app, b) => (
    versions.setVersionTag(
      app.store,
      text(b, 'name'),
      version(b),
      text(b, 'key'),
      String(b.value ?? ''),
    ),
    versionBody(app, app.store.requireVersion(b.name, version(b)))
  ),
  'versions/delete-tag': (app, b) => (
    versions.deleteVersionTag(
      app.store,
      text(b, 'name'),
      version(b),
      text(b, 'key'),
    ),
    versionBody(app, app.store.requireVersion(b.name, version(b)))
  ),
  'runs/delete': (app, b) => (app.store.deleteRun(text(b, 'runId')), {}),
  'runs/restore': (app, b) => (app.store.restoreRun(text(b, 'runId')), {}),
  'runs/gc': (app, b) => (app.store.gcRun(text(b, 'runId')), {}),
};

/** @type {Record<string, Action>} */
const GET_ACTIONS = {
  stats: (app) => app.describe(),
  requests: (app) => ({ total: app.log.total, requests: app.log.entries }),
  faults: (app) => app.faults.state,
};

/** @type {Record<string, Action>} */
const DELETE_ACTIONS = {
  requests: (app) => (app.log.clear(), {}),
  faults: (app) => (app.faults.clear(), app.faults.state),
};

/**
 * @param {FakeApp} app
 * @param {string} method
 * @param {string} action  the path after /_fake/
 * @param {string} rawBody
 * @param {import('node:http').ServerResponse} res
 */
export async function handleControl(app, method, action, rawBody, res) {
  const table =
    method === 'POST'
      ? POST_ACTIONS
      : method === 'DELETE'
        ? DELETE_ACTIONS
        : GET_ACTIONS;
  const run = table[action];
  if (!run) {
    const known = [POST_ACTIONS, GET_ACTIONS, DELETE_ACTIONS].some(
      (t) => action in t,
    );
    return sendJson(res, known ? 405 : 404, {
      error_code: known ? 'BAD_REQUEST' : 'ENDPOINT_NOT_FOUND',
      message: `${known ? 'Method not allowed' : 'No control endpoint'}: ${method} /_fake/${action}`,
    });
  }
  try {
    const body = rawBody.trim() ? JSON.parse(rawBody) : {};
    if (!body || typeof body !== 'object' || Array.isArray(body))
      throw new Error('the body must be a JSON object');
    sendJson(res, 200, await run(app, body));
  } catch (error) {
    if (error instanceof MlflowError)
      sendJson(res, error.status, error.toJson('oss3'));
    else
      sendJson(res, 400, {
        error_code: 'BAD_REQUEST',
        message: error instanceof Error ? error.message : String(error),
      });
  } finally {
    // Tags and soft deletes change what a search filters; any write forgets the cached orderings.
    if (method === 'POST') app.store.changed();
  }
}
