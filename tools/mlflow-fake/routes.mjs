// @ts-check
// Where a path goes (`[static prefix]` + /health, /version, /api/2.0/mlflow/*, /ajax-api/2.0/mlflow/*), and the
// MLflow API dispatch: method binding (405 with Allow), injected route faults, parameters, handler, errors.
import {
  FLASK_METHOD_NOT_ALLOWED_HTML,
  FORBIDDEN_TEXT,
  MlflowError,
} from './errors.mjs';
import { ForbiddenError, ROUTES } from './handlers.mjs';
import { requestParams, send, sendHtml, sendJson } from './http.mjs';

const API_PREFIXES = ['/api/2.0/mlflow/', '/ajax-api/2.0/mlflow/'];

/** @typedef {{ kind: 'health' | 'version' | 'root' | 'unknown' } | { kind: 'api', endpoint: string }} Target */

/**
 * @param {string} pathname
 * @param {string} staticPrefix  '' or e.g. '/mlflow'
 * @returns {Target}
 */
export function resolvePath(pathname, staticPrefix) {
  let path = pathname;
  if (staticPrefix) {
    if (path !== staticPrefix && !path.startsWith(`${staticPrefix}/`))
      return { kind: 'unknown' };
    path = path.slice(staticPrefix.length) || '/';
  }
  if (path === '/health') return { kind: 'health' };
  if (path === '/version') return { kind: 'version' };
  if (path === '/') return { kind: 'root' };
  for (const prefix of API_PREFIXES)
    if (path.startsWith(prefix))
      return { kind: 'api', endpoint: path.slice(prefix.length) };
  if (/^\/(ajax-)?api\//.test(path)) return { kind: 'api', endpoint: path };
  return { kind: 'unknown' };
}

/**
 * @typedef {object} ApiCall
 * @property {import('./handlers.mjs').HandlerContext} ctx
 * @property {import('./faults.mjs').Faults} faults
 * @property {string} endpoint
 * @property {string} method
 * @property {URL} url
 * @property {string} body
 * @property {string | undefined} contentType
 */

/**
 * Answers one MLflow API request.
 * @param {ApiCall} call
 * @param {import('node:http').ServerResponse} res
 */
export function handleApi(
  { ctx, faults, endpoint, method, url, body, contentType },
  res,
) {
  const route = Object.hasOwn(ROUTES, endpoint) ? ROUTES[endpoint] : undefined;
  const mode = ctx.mode;
  if (!route)
    return sendJson(
      res,
      404,
      new MlflowError(
        'ENDPOINT_NOT_FOUND',
        `No API endpoint found for ${method} ${url.pathname}`,
      ).toJson(mode),
    );
  const allowed = [
    ...route.methods,
    ...(route.methods.includes('GET') ? ['HEAD'] : []),
    'OPTIONS',
  ].sort();
  if (method === 'OPTIONS')
    return send(res, 200, '', 'text/html; charset=utf-8', {
      Allow: allowed.join(', '),
    });
  if (!allowed.includes(method))
    return sendHtml(res, 405, FLASK_METHOD_NOT_ALLOWED_HTML, {
      Allow: allowed.join(', '),
    });
  const fault = faults.takeForRoute(endpoint);
  if (fault)
    return send(
      res,
      fault.status,
      fault.body,
      fault.contentType,
      fault.headers,
    );
  try {
    const params = requestParams(
      method === 'HEAD' ? 'GET' : method,
      url.searchParams,
      body,
      contentType,
    );
    sendJson(res, 200, route.handler(ctx, params));
  } catch (error) {
    if (error instanceof MlflowError)
      return sendJson(res, error.status, error.toJson(mode));
    if (error instanceof ForbiddenError)
      return sendHtml(res, 403, FORBIDDEN_TEXT);
    process.stderr.write(
      `fake MLflow: ${method} ${url.pathname} failed: ${error instanceof Error ? error.stack : error}\n`,
    );
    return sendJson(
      res,
      500,
      new MlflowError('INTERNAL_ERROR', String(error)).toJson(mode),
    );
  }
}
