// @ts-check
// Small node:http helpers: read a body, send JSON/text/HTML, and read request parameters the way MLflow's
// `_get_request_message` does (query string for GET, repeated keys as lists; JSON body for POST, and for a GET
// that has no query string).
import { MlflowError, badParameter } from './errors.mjs';

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {Record<string, unknown>} Params */

const MAX_BODY = 5 * 1024 * 1024;

/** @param {Request} req @returns {Promise<string>} */
export async function readBody(req) {
  const hasBody =
    req.headers['transfer-encoding'] !== undefined ||
    Number(req.headers['content-length'] ?? 0) > 0;
  if (!hasBody) return '';
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY)
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        'Request body too large.',
      );
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * @param {Response} res
 * @param {number} status
 * @param {string} body
 * @param {string} contentType
 * @param {Record<string, string>} [headers]
 */
export function send(res, status, body, contentType, headers = {}) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

/** @param {Response} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
export const sendJson = (res, status, body, headers) =>
  send(res, status, JSON.stringify(body), 'application/json', headers);

/** Flask's `make_response(str)`: text/html. @param {Response} res @param {number} status @param {string} body @param {Record<string, string>} [headers] */
export const sendHtml = (res, status, body, headers) =>
  send(res, status, body, 'text/html; charset=utf-8', headers);

/** @param {URLSearchParams} query @returns {Params} */
function queryParams(query) {
  /** @type {Record<string, string[]>} */
  const params = {};
  for (const [key, value] of query) (params[key] ??= []).push(value);
  return params;
}

/**
 * The request's parameters: a dict whose values are lists (query) or JSON values (body).
 * @param {string} method
 * @param {URLSearchParams} query
 * @param {string} body
 * @param {string | undefined} contentType
 * @returns {Params}
 */
export function requestParams(method, query, body, contentType) {
  if (method === 'POST' || method === 'PUT') {
    if (!contentType)
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        'Bad Request. Content-Type header is missing.',
      );
    if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json')
      throw new MlflowError(
        'INVALID_PARAMETER_VALUE',
        "Bad Request. Content-Type must be one of ['application/json'].",
      );
    return parseJsonObject(body);
  }
  if ([...query.keys()].length === 0 && body.trim())
    return parseJsonObject(body);
  return queryParams(query);
}

/** Flask's `get_json(force=True, silent=True)`: anything that is not a JSON object counts as empty. @param {string} body */
function parseJsonObject(body) {
  try {
    const parsed = JSON.parse(body);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? parsed
      : {};
  } catch {
    return {};
  }
}

/** The first value of a parameter as a string ('' and absent are both undefined). @param {Params} params @param {string} name */
export function stringParam(params, name) {
  const raw = params[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === null || value === '') return undefined;
  return String(value);
}

/** Every value of a repeated parameter. @param {Params} params @param {string} name @returns {string[]} */
export function listParam(params, name) {
  const raw = params[name];
  if (raw === undefined || raw === null) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

/**
 * An int64 parameter with the handler's schema checks (`_assert_intlike`, `_assert_less_than_or_equal`).
 * @param {Params} params @param {string} name @param {number} fallback @param {number} max
 */
export function intParam(params, name, fallback, max) {
  const value = stringParam(params, name);
  if (value === undefined) return fallback;
  if (!/^\s*[-+]?\d+\s*$/.test(value)) throw badParameter(name, value);
  const number = Number.parseInt(value, 10);
  if (number > max) throw badParameter(name, value);
  return number;
}
