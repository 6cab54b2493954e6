// @ts-check
// The search endpoints over the store: filter, exclude prompts, order, page; then the permission filter the
// basic-auth app applies (models: hidden before paging, so pages stay full; versions: hidden after paging, so a
// page can be short or empty and still carry a token).
import {
  IS_PROMPT_TAG,
  isQueryingPrompts,
  matches,
  parseFilter,
  validateModelClauses,
  validateVersionClauses,
} from './filters.mjs';
import {
  comparatorOf,
  experimentSortKeys,
  isNameAscending,
  modelSortKeys,
  versionSortKeys,
} from './ordering.mjs';
import { pageOf, parsePageToken } from './paging.mjs';

/** @typedef {import('./types.mjs').RegisteredModel} RegisteredModel */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */
/** @typedef {import('./filters.mjs').Clause} Clause */
/** @typedef {{ filter?: string, maxResults: number, orderBy: string[], pageToken?: string }} SearchRequest */
/** @typedef {(modelName: string) => boolean} HiddenCheck */

/** @param {Map<string, string>} tags @param {Clause} clause */
const tagMatches = (tags, clause) => matches(tags.get(clause.key), clause);

/**
 * @param {import('./store.mjs').Store} store
 * @param {SearchRequest} request
 * @param {HiddenCheck} hidden
 * @returns {{ items: RegisteredModel[], nextPageToken?: string }}
 */
export function searchRegisteredModels(
  store,
  { filter, maxResults, orderBy, pageToken },
  hidden,
) {
  const clauses = parseFilter(filter);
  validateModelClauses(clauses);
  const keys = modelSortKeys(orderBy);
  const offset = parsePageToken(pageToken);
  const prompts = isQueryingPrompts(clauses);
  const effective = prompts
    ? clauses
    : clauses.filter((c) => !(c.type === 'tag' && c.key === IS_PROMPT_TAG));
  const exact = effective.find(
    (c) => c.type === 'attribute' && c.comparator === '=',
  );
  /** @type {RegisteredModel[]} */
  let candidates;
  if (exact) {
    const model = store.models.get(String(exact.value));
    candidates = model ? [model] : [];
  } else candidates = store.sortedModels();
  const rows = candidates.filter(
    (model) =>
      !hidden(model.name) &&
      (prompts || model.tags.get(IS_PROMPT_TAG) !== 'true') &&
      effective.every((c) =>
        c.type === 'tag' ? tagMatches(model.tags, c) : matches(model.name, c),
      ),
  );
  if (!isNameAscending(keys)) rows.sort(comparatorOf(keys));
  return pageOf(rows, { maxResults, offset, hasToken: Boolean(pageToken) });
}

/**
 * @param {import('./store.mjs').Store} store
 * @param {SearchRequest} request
 * @param {HiddenCheck} hidden
 * @returns {{ items: ModelVersion[], nextPageToken?: string }}
 */
export function searchModelVersions(
  store,
  { filter, maxResults, orderBy, pageToken },
  hidden,
) {
  const clauses = parseFilter(filter);
  validateVersionClauses(clauses);
  const keys = versionSortKeys(orderBy);
  const offset = parsePageToken(pageToken);
  const prompts = isQueryingPrompts(clauses);
  const effective = prompts
    ? clauses
    : clauses.filter((c) => !(c.type === 'tag' && c.key === IS_PROMPT_TAG));
  /** @type {Map<string, boolean>} a model is a prompt when one of its versions carries the prompt tag */
  const promptCache = new Map();
  const isPrompt = (/** @type {string} */ name) => {
    let value = promptCache.get(name);
    if (value === undefined) {
      const model = store.models.get(name);
      value = model
        ? [...model.versions.values()].some(
            (v) => v.tags.get(IS_PROMPT_TAG) === 'true',
          )
        : false;
      promptCache.set(name, value);
    }
    return value;
  };
  const keep = (/** @type {ModelVersion} */ version) =>
    !version.deleted &&
    (prompts || !isPrompt(version.name)) &&
    effective.every((c) => versionMatches(version, c));
  const narrowed = candidateVersions(store, effective);
  /** @type {ModelVersion[]} */
  let rows;
  if (narrowed) rows = narrowed.filter(keep).sort(comparatorOf(keys));
  else {
    // As an indexed query would: walk the cached order and stop once the page (and its one extra row) is found.
    const limit = maxResults + 1;
    const wanted =
      limit < 0
        ? Infinity
        : (pageToken ? Math.max(0, offset) : 0) + Math.max(limit, 0);
    rows = [];
    for (const version of store.sortedVersions(keys)) {
      if (rows.length >= wanted) break;
      if (keep(version)) rows.push(version);
    }
  }
  const page = pageOf(rows, {
    maxResults,
    offset,
    hasToken: Boolean(pageToken),
  });
  return {
    ...page,
    items: page.items.filter((version) => !hidden(version.name)),
  };
}

/** The versions a filter narrows to: one model's (name =) or the run index's (run_id = / IN); null for all. */
function candidateVersions(
  /** @type {import('./store.mjs').Store} */ store,
  /** @type {Clause[]} */ clauses,
) {
  const byName = clauses.find(
    (c) => c.type === 'attribute' && c.key === 'name' && c.comparator === '=',
  );
  if (byName)
    return [
      ...(store.models.get(String(byName.value))?.versions.values() ?? []),
    ];
  const byRun = clauses.find(
    (c) =>
      c.type === 'attribute' &&
      c.key === 'run_id' &&
      ['=', 'IN'].includes(c.comparator),
  );
  if (byRun) {
    const ids = Array.isArray(byRun.value)
      ? byRun.value
      : [String(byRun.value)];
    return ids.flatMap((id) => [...(store.versionsByRunId.get(id) ?? [])]);
  }
  return null;
}

/** @param {ModelVersion} version @param {Clause} clause */
function versionMatches(version, clause) {
  if (clause.type === 'tag') return tagMatches(version.tags, clause);
  switch (clause.key) {
    case 'name':
      return matches(version.name, clause);
    case 'run_id':
      return matches(version.runId, clause);
    case 'source_path':
      return matches(version.source, clause);
    case 'version_number':
      return matches(version.version, clause);
    default:
      return false;
  }
}

/**
 * experiments/search (the connection test): name and tag filters, view_type, order_by, offset paging.
 * @param {import('./store.mjs').Store} store
 * @param {SearchRequest & { viewType?: string }} request
 */
export function searchExperiments(
  store,
  { filter, maxResults, orderBy, pageToken, viewType = 'ACTIVE_ONLY' },
) {
  const clauses = parseFilter(filter);
  validateModelClauses(clauses);
  const keys = experimentSortKeys(orderBy);
  const offset = parsePageToken(pageToken);
  const stages =
    viewType === 'ALL'
      ? ['active', 'deleted']
      : viewType === 'DELETED_ONLY'
        ? ['deleted']
        : ['active'];
  const rows = [...store.experiments.values()].filter(
    (e) =>
      stages.includes(e.lifecycleStage) &&
      clauses.every((c) =>
        c.type === 'tag' ? tagMatches(e.tags, c) : matches(e.name, c),
      ),
  );
  rows.sort(comparatorOf(keys));
  return pageOf(rows, { maxResults, offset, hasToken: Boolean(pageToken) });
}
