// @ts-check
// One function per MLflow endpoint: parameters in, response body out (errors are thrown as MlflowError).
// Validation order and messages follow mlflow/server/handlers.py and the SQL stores.
import { invalidParameter, missingParameter, notFound } from './errors.mjs';
import {
  encodeExperiment,
  encodeModelVersion,
  encodeRegisteredModel,
  encodeRun,
  searchResponse,
} from './encoding.mjs';
import { intParam, listParam, stringParam } from './http.mjs';
import {
  searchExperiments,
  searchModelVersions,
  searchRegisteredModels,
} from './search.mjs';
import { versionNotFound } from './store.mjs';

/**
 * @typedef {object} HandlerContext
 * @property {import('./store.mjs').Store} store
 * @property {import('./types.mjs').Mode} mode
 * @property {(modelName: string) => boolean} hidden  the permission filter (true: the caller may not read it)
 */
/** @typedef {(ctx: HandlerContext, params: import('./http.mjs').Params) => unknown} Handler */

/** The basic-auth app's 403 for a single resource the caller may not read. */
export class ForbiddenError extends Error {}

/** @param {import('./http.mjs').Params} params @param {string} name */
function required(params, name) {
  const value = stringParam(params, name);
  if (value === undefined) throw missingParameter(name);
  return value;
}

/** `_validate_model_version`. @param {string} version */
function versionNumber(version) {
  if (!/^\s*[-+]?\d+\s*$/.test(version))
    throw invalidParameter(
      `Parameter 'version' must be an integer, got '${version}'.`,
    );
  return Number.parseInt(version, 10);
}

/** @param {HandlerContext} ctx @param {string} name */
function checkReadable(ctx, name) {
  if (ctx.hidden(name)) throw new ForbiddenError();
}

/** @type {Handler} */
function searchModels(ctx, params) {
  const page = searchRegisteredModels(
    ctx.store,
    {
      filter: stringParam(params, 'filter'),
      maxResults: intParam(params, 'max_results', 100, 1000),
      orderBy: listParam(params, 'order_by'),
      pageToken: stringParam(params, 'page_token'),
    },
    ctx.hidden,
  );
  const style = { sorted: true, mode: ctx.mode };
  return searchResponse(
    'registered_models',
    page.items.map((m) => encodeRegisteredModel(m, style)),
    page.nextPageToken,
  );
}

/** @type {Handler} */
function searchVersions(ctx, params) {
  const threshold = ctx.mode === 'databricks' ? 10_000 : 200_000;
  const maxResults = intParam(params, 'max_results', threshold, threshold);
  if (maxResults < 1)
    throw invalidParameter(
      `Invalid value for max_results. It must be a positive integer, but got ${maxResults}`,
    );
  const page = searchModelVersions(
    ctx.store,
    {
      filter: stringParam(params, 'filter'),
      maxResults,
      orderBy: listParam(params, 'order_by'),
      pageToken: stringParam(params, 'page_token'),
    },
    ctx.hidden,
  );
  const style = { sorted: true, mode: ctx.mode };
  return searchResponse(
    'model_versions',
    page.items.map((v) => encodeModelVersion(v, style)),
    page.nextPageToken,
  );
}

/** @type {Handler} */
function getModel(ctx, params) {
  const name = required(params, 'name');
  checkReadable(ctx, name);
  return {
    registered_model: encodeRegisteredModel(ctx.store.requireModel(name), {
      sorted: false,
      mode: ctx.mode,
    }),
  };
}

/** @type {Handler} */
function getVersion(ctx, params) {
  const name = required(params, 'name');
  const raw = required(params, 'version');
  const number = versionNumber(raw);
  checkReadable(ctx, name);
  const version = ctx.store.models.get(name)?.versions.get(number);
  if (!version || version.deleted) throw versionNotFound(name, raw);
  const style = { sorted: false, mode: ctx.mode };
  return {
    model_version: encodeModelVersion(
      version,
      style,
      ctx.store.aliasesOf(version),
    ),
  };
}

/** @type {Handler} */
function getByAlias(ctx, params) {
  const name = required(params, 'name');
  const alias = required(params, 'alias');
  checkReadable(ctx, name);
  const model = ctx.store.requireModel(name);
  const number = model.aliases.get(alias);
  if (number === undefined)
    throw invalidParameter(`Registered model alias ${alias} not found.`);
  const version = ctx.store.requireVersion(name, number);
  const style = { sorted: false, mode: ctx.mode };
  return {
    model_version: encodeModelVersion(
      version,
      style,
      ctx.store.aliasesOf(version),
    ),
  };
}

/** @type {Handler} */
function getRun(ctx, params) {
  const runId =
    stringParam(params, 'run_id') ?? stringParam(params, 'run_uuid');
  if (!runId) throw missingParameter('run_id');
  const run = ctx.store.getRun(runId);
  if (!run) throw notFound(`Run with id=${runId} not found`);
  return { run: encodeRun(run) };
}

/** @type {Handler} */
function getExperiment(ctx, params) {
  const id = required(params, 'experiment_id');
  if (!/^\d+$/.test(id))
    throw invalidParameter(
      `Invalid experiment ID '${id}'. Experiment ID must be a valid integer.`,
    );
  const experiment = ctx.store.experiments.get(id);
  if (!experiment) throw notFound(`No Experiment with id=${id} exists`);
  return { experiment: encodeExperiment(experiment, false) };
}

/** @type {Handler} */
function searchExperimentsHandler(ctx, params) {
  const page = searchExperiments(ctx.store, {
    filter: stringParam(params, 'filter'),
    maxResults: intParam(params, 'max_results', 1000, 50_000),
    orderBy: listParam(params, 'order_by'),
    pageToken: stringParam(params, 'page_token'),
    viewType: stringParam(params, 'view_type'),
  });
  return searchResponse(
    'experiments',
    page.items.map((e) => encodeExperiment(e, true)),
    page.nextPageToken,
  );
}

/**
 * The MLflow routes (relative to `/api/2.0/mlflow/` and `/ajax-api/2.0/mlflow/`) and the methods each is bound to.
 * @type {Record<string, { methods: string[], handler: Handler }>}
 */
export const ROUTES = {
  'registered-models/search': { methods: ['GET'], handler: searchModels },
  'registered-models/get': { methods: ['GET'], handler: getModel },
  'registered-models/alias': { methods: ['GET'], handler: getByAlias },
  'model-versions/search': { methods: ['GET'], handler: searchVersions },
  'model-versions/get': { methods: ['GET'], handler: getVersion },
  'runs/get': { methods: ['GET'], handler: getRun },
  'experiments/get': { methods: ['GET'], handler: getExperiment },
  'experiments/search': {
    methods: ['GET', 'POST'],
    handler: searchExperimentsHandler,
  },
};
