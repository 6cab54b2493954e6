// @ts-check
// The subset of MLflow's search filter grammar (SearchModelUtils / SearchModelVersionUtils) that registries use:
// clauses joined by AND; `name`, `tags.<key>` (key bare, in backticks or in double quotes), and for versions
// `version_number`, `run_id` (also IN (...)) and `source_path`. Strings sit in single or double quotes and are
// NEVER unescaped, like MLflow: `'o''brien'` is the value `o''brien`. LIKE is case-sensitive (SQLite with
// case_sensitive_like), `%` and `_` are wildcards and nothing escapes them; ILIKE folds ASCII case only.
import { invalidParameter } from './errors.mjs';
export { parseFilter } from './filter-parser.mjs';

/**
 * @typedef {object} Clause
 * @property {'attribute' | 'tag'} type
 * @property {string} key
 * @property {string} comparator  '=', '!=', '<', '<=', '>', '>=', 'LIKE', 'ILIKE' or 'IN'
 * @property {string | number | string[]} value
 */

export const IS_PROMPT_TAG = 'mlflow.prompt.is_prompt';
const STRING_COMPARATORS = ['=', '!=', 'LIKE', 'ILIKE'];
const NUMERIC_COMPARATORS = ['=', '!=', '<', '<=', '>', '>='];

/** Checks clauses for a registered-model search (`name` and tags only). @param {Clause[]} clauses */
export function validateModelClauses(clauses) {
  for (const { type, key, comparator, value } of clauses) {
    if (type === 'attribute' && key !== 'name')
      throw invalidParameter(`Invalid attribute name: ${key}`);
    if (!STRING_COMPARATORS.includes(comparator))
      throw invalidParameter(
        type === 'tag'
          ? `Invalid comparator for tag: ${comparator}`
          : `Invalid comparator for attribute: ${comparator}`,
      );
    requireString(key, value);
  }
}

/** Checks clauses for a model-version search. @param {Clause[]} clauses */
export function validateVersionClauses(clauses) {
  for (const { type, key, comparator, value } of clauses) {
    if (type === 'tag') {
      if (!STRING_COMPARATORS.includes(comparator))
        throw invalidParameter(`Invalid comparator for tag: ${comparator}`);
      requireString(key, value);
    } else if (key === 'version_number') {
      if (!NUMERIC_COMPARATORS.includes(comparator))
        throw invalidParameter(
          `Invalid comparator for attribute ${key}: ${comparator}`,
        );
      if (typeof value !== 'number')
        throw invalidParameter(
          `Expected a numeric value for attribute '${key}'. Got value ${String(value)}`,
        );
    } else if (['name', 'run_id', 'source_path'].includes(key)) {
      if (
        comparator === 'IN'
          ? key !== 'run_id'
          : !STRING_COMPARATORS.includes(comparator)
      )
        throw invalidParameter(
          `Invalid comparator for attribute: ${comparator}`,
        );
      if (comparator !== 'IN') requireString(key, value);
    } else throw invalidParameter(`Invalid attribute name: ${key}`);
  }
}

/**
 * MLflow returns prompts only when a clause asks for them (`_is_querying_prompt`); otherwise prompts are excluded
 * and any clause on the prompt tag is dropped (`_update_query_to_exclude_prompts` pops it).
 * @param {Clause[]} clauses
 */
export function isQueryingPrompts(clauses) {
  const first = clauses.find(
    (c) => c.type === 'tag' && c.key === IS_PROMPT_TAG,
  );
  if (!first || typeof first.value !== 'string') return false;
  const value = first.value.toLowerCase();
  return (
    (first.comparator === '=' && value === 'true') ||
    (first.comparator === '!=' && value === 'false')
  );
}

/**
 * Whether `actual` satisfies `comparator value` (SQL semantics: a missing value never matches).
 * @param {string | number | undefined} actual
 * @param {Clause} clause
 */
export function matches(actual, { comparator, value }) {
  if (actual === undefined || actual === null) return false;
  const scalar = /** @type {string | number} */ (value);
  switch (comparator) {
    case '=':
      return actual === scalar;
    case '!=':
      return actual !== scalar;
    case '<':
      return actual < scalar;
    case '<=':
      return actual <= scalar;
    case '>':
      return actual > scalar;
    case '>=':
      return actual >= scalar;
    case 'LIKE':
      return likePattern(String(value)).test(String(actual));
    case 'ILIKE':
      return likePattern(lowerAscii(String(value))).test(
        lowerAscii(String(actual)),
      );
    case 'IN':
      return Array.isArray(value) && value.includes(String(actual));
    default:
      return false;
  }
}

/** @type {Map<string, RegExp>} */
const likeCache = new Map();

/** A LIKE pattern as an anchored RegExp: `%` any run, `_` one character, no escape character. */
/** @param {string} pattern */
function likePattern(pattern) {
  let regexp = likeCache.get(pattern);
  if (!regexp) {
    const source = [...pattern]
      .map((ch) =>
        ch === '%'
          ? '.*'
          : ch === '_'
            ? '.'
            : ch.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'),
      )
      .join('');
    regexp = new RegExp(`^${source}$`, 'su');
    if (likeCache.size > 1000) likeCache.clear();
    likeCache.set(pattern, regexp);
  }
  return regexp;
}

/** SQLite's lower(): ASCII letters only. @param {string} text */
const lowerAscii = (text) => text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

/** @param {string} key @param {unknown} value */
function requireString(key, value) {
  if (typeof value !== 'string')
    throw invalidParameter(
      `Expected a quoted string value for ${key}. Got value ${String(value)}`,
    );
}
