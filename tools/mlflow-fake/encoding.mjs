// @ts-check
// Entities to MLflow's JSON (`message_to_json`): snake_case, int64 as numbers, version as a string, enums as
// names, unset fields and empty lists omitted. Search endpoints list tags and aliases sorted by key; get
// endpoints keep insertion order.
import { compareNames } from './ordering.mjs';

/** @typedef {import('./types.mjs').RegisteredModel} RegisteredModel */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */
/** @typedef {{ sorted: boolean, mode: import('./types.mjs').Mode }} Style */

/** Drops undefined values, empty strings and empty arrays, as protobuf's JSON printer does. @param {Record<string, unknown>} object */
function compact(object) {
  /** @type {Record<string, unknown>} */
  const out = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === undefined || value === '' || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

/** @param {Map<string, string>} tags @param {boolean} sorted */
function encodeTags(tags, sorted) {
  const list = [...tags].map(([key, value]) => ({ key, value }));
  return sorted ? list.sort((a, b) => compareNames(a.key, b.key)) : list;
}

/**
 * latest_versions: per stage, the highest version number in it; stages in the order they first appear when the
 * versions are read in ascending order (SqlRegisteredModel.to_mlflow_entity).
 * @param {RegisteredModel} model
 */
export function latestVersions(model) {
  /** @type {Map<string, ModelVersion>} */
  const byStage = new Map();
  for (const version of model.versions.values()) {
    if (version.deleted) continue;
    const current = byStage.get(version.currentStage);
    if (!current || current.version < version.version)
      byStage.set(version.currentStage, version);
  }
  return [...byStage.values()];
}

/**
 * @param {RegisteredModel} model
 * @param {Style} style
 */
export function encodeRegisteredModel(model, style) {
  const aliases = [...model.aliases].map(([alias, version]) => ({
    alias,
    version: String(version),
  }));
  if (style.sorted) aliases.sort((a, b) => compareNames(a.alias, b.alias));
  return compact({
    name: model.name,
    creation_timestamp: model.creationTimestamp,
    last_updated_timestamp: model.lastUpdatedTimestamp,
    description: model.description,
    latest_versions: latestVersions(model).map((v) =>
      encodeModelVersion(v, style),
    ),
    tags: encodeTags(model.tags, style.sorted),
    aliases,
  });
}

/**
 * @param {ModelVersion} version
 * @param {Style} style
 * @param {string[]} [aliases]  only get-style reads pass them; search results never carry aliases
 */
export function encodeModelVersion(version, style, aliases = []) {
  return compact({
    name: version.name,
    version: String(version.version),
    creation_timestamp: version.creationTimestamp,
    last_updated_timestamp: version.lastUpdatedTimestamp,
    user_id: style.mode === 'databricks' ? version.userId : undefined,
    current_stage: version.currentStage,
    description: version.description,
    source: version.source,
    run_id: version.runId,
    status: version.status,
    status_message: version.statusMessage,
    tags: encodeTags(version.tags, style.sorted),
    run_link: version.runLink,
    aliases,
  });
}

/** NaN is the string "NaN"; infinities were clamped when stored. @param {number} value */
const metricValue = (value) => (Number.isNaN(value) ? 'NaN' : value);

/**
 * runs/get: one metric per key, the value at the highest step (then the latest timestamp, then the larger value),
 * and `inputs`/`outputs` always present, even empty.
 * @param {import('./types.mjs').Run} run
 */
export function encodeRun(run) {
  /** @type {Map<string, import('./types.mjs').Metric>} */
  const latest = new Map();
  for (const metric of run.metrics) {
    const current = latest.get(metric.key);
    if (!current || isLater(metric, current)) latest.set(metric.key, metric);
  }
  return {
    info: compact({
      run_uuid: run.runId,
      experiment_id: run.experimentId,
      run_name: run.runName,
      user_id: run.userId,
      status: run.status,
      start_time: run.startTime,
      end_time: run.endTime,
      artifact_uri: run.artifactUri,
      lifecycle_stage: run.lifecycleStage,
      run_id: run.runId,
    }),
    data: compact({
      metrics: [...latest.values()].map((m) => ({
        key: m.key,
        value: metricValue(m.value),
        timestamp: m.timestamp,
        step: m.step,
      })),
      params: encodeTags(run.params, false),
      tags: encodeTags(run.tags, false),
    }),
    inputs: {},
    outputs: {},
  };
}

/** @param {import('./types.mjs').Metric} a @param {import('./types.mjs').Metric} b */
function isLater(a, b) {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return Number.isNaN(b.value) || a.value > b.value;
}

/** @param {import('./types.mjs').Experiment} experiment @param {boolean} sorted */
export function encodeExperiment(experiment, sorted) {
  return compact({
    experiment_id: experiment.experimentId,
    name: experiment.name,
    artifact_location: experiment.artifactLocation,
    lifecycle_stage: experiment.lifecycleStage,
    last_update_time: experiment.lastUpdateTime,
    creation_time: experiment.creationTime,
    tags: encodeTags(experiment.tags, sorted),
  });
}

/**
 * A search response: `{}` when there is nothing, no `next_page_token` key on the last page.
 * @param {string} listKey
 * @param {unknown[]} items
 * @param {string | undefined} nextPageToken
 */
export function searchResponse(listKey, items, nextPageToken) {
  return compact({ [listKey]: items, next_page_token: nextPageToken });
}
