// @ts-check
// order_by for the search endpoints, with MLflow's tiebreaks and messages (sqlalchemy_store
// `_parse_search_registered_models_order_by`, `_parse_search_model_versions_order_by`). Names compare as SQLite's
// BINARY collation does: by code point.
import { MlflowError, invalidParameter } from './errors.mjs';
import { pyRepr } from './py-repr.mjs';

/**
 * @template T
 * @typedef {{ value: (item: T) => string | number, ascending: boolean, field: string }} SortKey
 */

/** Code-point order (= UTF-8 byte order), which JS `<` gets wrong only around surrogate pairs. */
export function compareNames(/** @type {string} */ a, /** @type {string} */ b) {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      const cx = /** @type {number} */ (a.codePointAt(i));
      const cy = /** @type {number} */ (b.codePointAt(i));
      return cx < cy ? -1 : 1;
    }
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** @param {string} clause @returns {{ key: string, ascending: boolean }} */
function parseClause(clause) {
  const match = /^\s*`?([A-Za-z_.]+)`?\s*(?:\s(ASC|DESC))?\s*$/i.exec(clause);
  if (!match)
    throw invalidParameter(
      `Invalid order_by clause '${clause}'. Could not be parsed.`,
    );
  return {
    key: match[1].replace(/^attributes?\./, ''),
    ascending: (match[2] ?? 'ASC').toUpperCase() === 'ASC',
  };
}

/** @param {string[]} list */
function duplicateError(list) {
  // A plain MlflowException(message): INTERNAL_ERROR, so HTTP 500.
  return new MlflowError(
    'INTERNAL_ERROR',
    `\`order_by\` contains duplicate fields: ${pyRepr(list)}`,
  );
}

/**
 * registered-models/search: `name`, `timestamp` / `last_updated_timestamp`; `name ASC` appended unless present.
 * @param {string[]} orderBy
 * @returns {SortKey<import('./types.mjs').RegisteredModel>[]}
 */
export function modelSortKeys(orderBy) {
  /** @type {SortKey<import('./types.mjs').RegisteredModel>[]} */
  const keys = [];
  for (const clause of orderBy) {
    const { key, ascending } = parseClause(clause);
    /** @type {SortKey<import('./types.mjs').RegisteredModel>} */
    let sortKey;
    if (key === 'name')
      sortKey = { field: 'name', ascending, value: (m) => m.name };
    else if (key === 'timestamp' || key === 'last_updated_timestamp')
      sortKey = {
        field: 'last_updated_time',
        ascending,
        value: (m) => m.lastUpdatedTimestamp,
      };
    else
      throw invalidParameter(
        `Invalid order by key '${key}' specified.Valid keys are '${pyRepr(['name', 'last_updated_timestamp'])}'`,
      );
    if (keys.some((k) => k.field === sortKey.field))
      throw duplicateError(orderBy);
    keys.push(sortKey);
  }
  if (!keys.some((k) => k.field === 'name'))
    keys.push({ field: 'name', ascending: true, value: (m) => m.name });
  return keys;
}

/** The order model-versions/search uses without order_by. */
export const DEFAULT_VERSION_ORDER = [
  'last_updated_timestamp DESC',
  'name ASC',
  'version_number DESC',
];

/**
 * model-versions/search: `name`, `version_number`, `creation_timestamp`, `last_updated_timestamp`; then
 * `name ASC`, `version_number DESC` unless present.
 * @param {string[]} orderBy
 * @returns {SortKey<import('./types.mjs').ModelVersion>[]}
 */
export function versionSortKeys(orderBy) {
  /** @type {Record<string, (v: import('./types.mjs').ModelVersion) => string | number>} */
  const fields = {
    name: (v) => v.name,
    version_number: (v) => v.version,
    creation_timestamp: (v) => v.creationTimestamp,
    last_updated_timestamp: (v) => v.lastUpdatedTimestamp,
  };
  /** @type {SortKey<import('./types.mjs').ModelVersion>[]} */
  const keys = [];
  for (const clause of orderBy.length ? orderBy : DEFAULT_VERSION_ORDER) {
    const { key, ascending } = parseClause(clause);
    const value = fields[key];
    if (!value)
      throw invalidParameter(
        `Invalid order by key '${key}' specified. Valid keys are ${pyRepr(Object.keys(fields))}`,
      );
    if (keys.some((k) => k.field === key)) throw duplicateError(orderBy);
    keys.push({ field: key, ascending, value });
  }
  if (!keys.some((k) => k.field === 'name'))
    keys.push({ field: 'name', ascending: true, value: fields.name });
  if (!keys.some((k) => k.field === 'version_number'))
    keys.push({
      field: 'version_number',
      ascending: false,
      value: fields.version_number,
    });
  return keys;
}

/**
 * experiments/search: `name`, `experiment_id`, `creation_time`, `last_update_time`; default
 * `creation_time DESC`, then `experiment_id ASC`.
 * @param {string[]} orderBy
 * @returns {SortKey<import('./types.mjs').Experiment>[]}
 */
export function experimentSortKeys(orderBy) {
  /** @type {Record<string, (e: import('./types.mjs').Experiment) => string | number>} */
  const fields = {
    name: (e) => e.name,
    experiment_id: (e) => Number(e.experimentId),
    creation_time: (e) => e.creationTime,
    last_update_time: (e) => e.lastUpdateTime,
  };
  const keys = (orderBy.length ? orderBy : ['creation_time DESC']).map(
    (clause) => {
      const { key, ascending } = parseClause(clause);
      const value = fields[key];
      if (!value) throw invalidParameter(`Invalid order_by entity: ${key}`);
      return { field: key, ascending, value };
    },
  );
  if (!keys.some((k) => k.field === 'experiment_id'))
    keys.push({
      field: 'experiment_id',
      ascending: true,
      value: fields.experiment_id,
    });
  return keys;
}

/**
 * A comparator for Array.prototype.sort.
 * @template T
 * @param {SortKey<T>[]} keys
 * @returns {(a: T, b: T) => number}
 */
export function comparatorOf(keys) {
  return (a, b) => {
    for (const { value, ascending } of keys) {
      const x = value(a);
      const y = value(b);
      const order =
        typeof x === 'string' && typeof y === 'string'
          ? compareNames(x, y)
          : x === y
            ? 0
            : x < y
              ? -1
              : 1;
      if (order !== 0) return ascending ? order : -order;
    }
    return 0;
  };
}

/** Whether the keys are exactly `name ASC` (the order the store keeps a cached list in). @param {SortKey<any>[]} keys */
export const isNameAscending = (keys) =>
  keys.length === 1 && keys[0].field === 'name' && keys[0].ascending;
