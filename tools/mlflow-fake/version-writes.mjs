// @ts-check
// Writes on model versions, with MLflow's timestamp rules: creating a version, changing its stage or deleting it
// bump the registered model too; a description update bumps only the version; tags bump nothing.
import { invalidParameter } from './errors.mjs';
import { STAGES } from './store.mjs';

/** @typedef {import('./store.mjs').Store} Store */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */

/**
 * Creates the next version (max + 1, soft-deleted ones counted) and bumps the model.
 * @param {Store} store
 * @param {{ name: string, source?: string, runId?: string, description?: string, tags?: Record<string, string>,
 *   status?: string, statusMessage?: string, userId?: string }} input
 */
export function createVersion(
  store,
  {
    name,
    source,
    runId,
    description,
    tags = {},
    status = 'READY',
    statusMessage,
    userId,
  },
) {
  const model = store.requireModel(name);
  const now = store.now();
  const number = Math.max(0, ...model.versions.keys()) + 1;
  /** @type {ModelVersion} */
  const version = {
    name,
    version: number,
    creationTimestamp: now,
    lastUpdatedTimestamp: now,
    currentStage: 'None',
    description,
    source:
      source ?? (runId ? `runs:/${runId}/model` : `s3://models/${number}`),
    runId,
    status,
    statusMessage,
    userId,
    tags: new Map(Object.entries(tags)),
    deleted: false,
  };
  model.versions.set(number, version);
  model.lastUpdatedTimestamp = now;
  store.indexVersion(version);
  store.changed();
  return version;
}

/**
 * Soft delete: bumps model and version, redacts the row, and (as MLflow 3.11 over REST does) leaves the
 * model's aliases pointing at it.
 * @param {Store} store
 * @param {string} name @param {number} number
 */
export function deleteVersion(store, name, number) {
  const version = store.requireVersion(name, number);
  const now = store.now();
  if (version.runId) store.versionsByRunId.get(version.runId)?.delete(version);
  Object.assign(version, {
    deleted: true,
    lastUpdatedTimestamp: now,
    description: undefined,
    source: 'REDACTED-SOURCE-PATH',
    runId: 'REDACTED-RUN-ID',
  });
  store.requireModel(name).lastUpdatedTimestamp = now;
  store.changed();
}

/**
 * Bumps the version, the model, and every version archived on the way.
 * @param {Store} store
 * @param {string} name @param {number} number @param {string} stage @param {boolean} archiveExisting
 */
export function transitionStage(store, name, number, stage, archiveExisting) {
  const canonical = STAGES.find((s) => s.toLowerCase() === stage.toLowerCase());
  if (!canonical)
    throw invalidParameter(
      `Invalid Model Version stage: ${stage}. Value must be one of ${STAGES.join(', ')}.`,
    );
  const version = store.requireVersion(name, number);
  const model = store.requireModel(name);
  const now = store.now();
  if (archiveExisting && ['Staging', 'Production'].includes(canonical))
    for (const other of model.versions.values())
      if (
        !other.deleted &&
        other !== version &&
        other.currentStage === canonical
      )
        Object.assign(other, {
          currentStage: 'Archived',
          lastUpdatedTimestamp: now,
        });
  version.currentStage = canonical;
  version.lastUpdatedTimestamp = now;
  model.lastUpdatedTimestamp = now;
  store.changed();
  return version;
}

/**
 * @param {Store} store
 * Bumps the version only (update_model_version). @param {string} name @param {number} number @param {string} description
 */
export function updateVersionDescription(store, name, number, description) {
  const version = store.requireVersion(name, number);
  version.description = description;
  version.lastUpdatedTimestamp = store.now();
  store.changed();
  return version;
}

/**
 * @param {Store} store
 * Bumps nothing. @param {string} name @param {number} number @param {string} key @param {string} value
 */
export function setVersionTag(store, name, number, key, value) {
  store.requireVersion(name, number).tags.set(key, value);
}

/**
 * @param {Store} store
 * Bumps nothing. @param {string} name @param {number} number @param {string} key
 */
export function deleteVersionTag(store, name, number, key) {
  store.requireVersion(name, number).tags.delete(key);
}
