// @ts-check
// The in-memory registry: registered models by name (O(1)), versions by model and by run id, runs (possibly
// generated on first read), experiments, a cached name-sorted model list and cached version orderings (what an
// indexed query gives a real server; any write forgets them). Writes follow MLflow's SQL store,
// including which of them bump `last_updated_timestamp` (docs: mlflow-rest.md §11).
import { MlflowError, invalidParameter, notFound } from './errors.mjs';
import { comparatorOf, compareNames } from './ordering.mjs';

/** @typedef {import('./types.mjs').RegisteredModel} RegisteredModel */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */
/** @typedef {import('./types.mjs').Run} Run */

export const STAGES = ['None', 'Staging', 'Production', 'Archived'];

/** `Model Version (name=…, version=…) not found`. @param {string} name @param {string | number} version */
export const versionNotFound = (name, version) =>
  notFound(`Model Version (name=${name}, version=${version}) not found`);

export class Store {
  /** @param {import('./types.mjs').Dataset} dataset */
  constructor(dataset) {
    /** @type {Map<string, RegisteredModel>} */
    this.models = new Map();
    /** @type {Map<string, Set<ModelVersion>>} */
    this.versionsByRunId = new Map();
    /** @type {Map<string, Run>} */
    this.runs = new Map();
    /** @type {Map<string, unknown>} */
    this.lazyRuns = dataset.lazyRuns ?? new Map();
    this.materializeRun = dataset.materializeRun;
    /** @type {Map<string, import('./types.mjs').Experiment>} */
    this.experiments = new Map();
    this.samples = dataset.samples;
    /** @type {RegisteredModel[] | null} */
    this.sortedCache = null;
    /** Every version (soft-deleted ones too) per order_by, cached until the next write. @type {Map<string, ModelVersion[]>} */
    this.versionOrders = new Map();
    this.lastTimestamp = 0;
    for (const experiment of dataset.experiments) {
      this.experiments.set(experiment.experimentId, experiment);
      this.seen(experiment.lastUpdateTime);
    }
    for (const run of dataset.runs) this.runs.set(run.runId, run);
    for (const model of dataset.models) {
      this.models.set(model.name, model);
      this.seen(model.lastUpdatedTimestamp);
      for (const version of model.versions.values()) this.indexVersion(version);
    }
  }

  /** Milliseconds, never going backwards and never repeating a timestamp the data already holds. */
  now() {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return this.lastTimestamp;
  }

  /** @param {number} timestamp */
  seen(timestamp) {
    if (timestamp > this.lastTimestamp) this.lastTimestamp = timestamp;
  }

  /** @param {ModelVersion} version */
  indexVersion(version) {
    if (!version.runId) return;
    let set = this.versionsByRunId.get(version.runId);
    if (!set) this.versionsByRunId.set(version.runId, (set = new Set()));
    set.add(version);
  }

  /** Forgets every cached ordering: called by each write (and after each control request). */
  changed() {
    this.sortedCache = null;
    this.versionOrders.clear();
  }

  /**
   * Every version (soft-deleted ones too) in the order of `keys`, cached until the next write. The keys end in
   * name and version number, so the order is total and filtering the cached list equals sorting the filtered one.
   * @param {import('./ordering.mjs').SortKey<ModelVersion>[]} keys
   */
  sortedVersions(keys) {
    const signature = keys
      .map((k) => `${k.field} ${k.ascending ? 'ASC' : 'DESC'}`)
      .join(',');
    let sorted = this.versionOrders.get(signature);
    if (!sorted) {
      sorted = [];
      for (const model of this.models.values())
        for (const version of model.versions.values()) sorted.push(version);
      sorted.sort(comparatorOf(keys));
      this.versionOrders.set(signature, sorted);
    }
    return sorted;
  }

  /** Models in name order (code points), cached until a model is added or removed. */
  sortedModels() {
    this.sortedCache ??= [...this.models.values()].sort((a, b) =>
      compareNames(a.name, b.name),
    );
    return this.sortedCache;
  }

  /** @param {string} name */
  requireModel(name) {
    const model = this.models.get(name);
    if (!model) throw notFound(`Registered Model with name=${name} not found`);
    return model;
  }

  /** A live (not soft-deleted) version. @param {string} name @param {number} version */
  requireVersion(name, version) {
    const found = this.models.get(name)?.versions.get(version);
    if (!found || found.deleted) throw versionNotFound(name, version);
    return found;
  }

  /** Alias names pointing at a version, in the model's alias order. @param {ModelVersion} version */
  aliasesOf(version) {
    const model = this.models.get(version.name);
    return model
      ? [...model.aliases]
          .filter(([, v]) => v === version.version)
          .map(([a]) => a)
      : [];
  }

  /**
   * A run. Generated runs are rebuilt on every read (cheap, and a 100,000-run registry stays small); a run that is
   * written to becomes a stored one.
   * @param {string} runId
   * @returns {Run | undefined}
   */
  getRun(runId) {
    const run = this.runs.get(runId);
    if (run || !this.materializeRun || !this.lazyRuns.has(runId)) return run;
    return this.materializeRun(runId, this.lazyRuns.get(runId));
  }

  /** A run to change: a generated one is stored from now on. @param {string} runId */
  requireRun(runId) {
    const run = this.getRun(runId);
    if (!run) throw notFound(`Run with id=${runId} not found`);
    if (this.lazyRuns.delete(runId)) this.runs.set(runId, run);
    return run;
  }

  get runCount() {
    return this.runs.size + this.lazyRuns.size;
  }

  // ---- writes -------------------------------------------------------------------------------------------------

  /** @param {{ name: string, description?: string, tags?: Record<string, string> }} input */
  createModel({ name, description, tags = {} }) {
    if (!name) throw invalidParameter('Registered model name cannot be empty.');
    if (this.models.has(name))
      throw new MlflowError(
        'RESOURCE_ALREADY_EXISTS',
        `Registered Model (name=${name}) already exists.`,
      );
    const now = this.now();
    /** @type {RegisteredModel} */
    const model = {
      name,
      creationTimestamp: now,
      lastUpdatedTimestamp: now,
      description,
      tags: new Map(Object.entries(tags)),
      aliases: new Map(),
      versions: new Map(),
    };
    this.models.set(name, model);
    this.changed();
    return model;
  }

  /** Hard delete, versions and aliases with it. @param {string} name */
  deleteModel(name) {
    const model = this.requireModel(name);
    for (const version of model.versions.values())
      if (version.runId)
        this.versionsByRunId.get(version.runId)?.delete(version);
    this.models.delete(name);
    this.changed();
  }

  /** Bumps the model. @param {string} name @param {string} description */
  updateModelDescription(name, description) {
    const model = this.requireModel(name);
    model.description = description;
    model.lastUpdatedTimestamp = this.now();
    this.changed();
    return model;
  }

  /** Bumps nothing. @param {string} name @param {string} key @param {string} value */
  setModelTag(name, key, value) {
    this.requireModel(name).tags.set(key, value);
  }

  /** Bumps nothing. @param {string} name @param {string} key */
  deleteModelTag(name, key) {
    this.requireModel(name).tags.delete(key);
  }

  /** Bumps nothing; moves the alias if it exists. @param {string} name @param {string} alias @param {number} version */
  setAlias(name, alias, version) {
    const model = this.requireModel(name);
    this.requireVersion(name, version);
    model.aliases.set(alias, version);
  }

  /** Bumps nothing. @param {string} name @param {string} alias */
  deleteAlias(name, alias) {
    this.requireModel(name).aliases.delete(alias);
  }

  /** Soft delete: still readable, lifecycle_stage "deleted". @param {string} runId */
  deleteRun(runId) {
    this.requireRun(runId).lifecycleStage = 'deleted';
  }

  /** @param {string} runId */
  restoreRun(runId) {
    this.requireRun(runId).lifecycleStage = 'active';
  }

  /** Garbage collection (`mlflow gc`): gone for good, runs/get answers 404. @param {string} runId */
  gcRun(runId) {
    this.requireRun(runId);
    this.runs.delete(runId);
  }
}
