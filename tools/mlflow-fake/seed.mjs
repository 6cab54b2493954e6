// @ts-check
// Reads a seed (the JSON schema in README.md) into a Dataset. Missing timestamps come from a clock that starts
// at 2024-01-01 and ticks one second per entity, so the data stays ordered as written.
import { readFile } from 'node:fs/promises';
import { IS_PROMPT_TAG } from './filters.mjs';
import { clampMetric } from './generated-runs.mjs';
import { emptySamples } from './generator.mjs';
import { STAGES } from './store.mjs';

/** @typedef {Record<string, string> | { key: string, value: string }[]} SeedTags */

/** @param {string} path */
export async function readSeedFile(path) {
  return datasetFromSeed(JSON.parse(await readFile(path, 'utf8')));
}

/**
 * @param {any} seed
 * @returns {import('./types.mjs').Dataset}
 */
export function datasetFromSeed(seed) {
  if (!seed || typeof seed !== 'object')
    throw new Error('seed: expected a JSON object');
  let clock = Date.UTC(2024, 0, 1);
  const tick = (/** @type {unknown} */ given) =>
    typeof given === 'number' ? given : (clock += 1000);
  const samples = emptySamples();
  /** @type {Map<string, import('./types.mjs').Experiment>} */
  const experiments = new Map();
  const addExperiment = (/** @type {any} */ e) => {
    const id = String(e.id ?? e.experimentId);
    const created = tick(e.creationTime);
    experiments.set(id, {
      experimentId: id,
      name: e.name ?? `experiment-${id}`,
      artifactLocation: e.artifactLocation ?? `mlflow-artifacts:/${id}`,
      lifecycleStage: e.lifecycleStage === 'deleted' ? 'deleted' : 'active',
      creationTime: created,
      lastUpdateTime: e.lastUpdateTime ?? created,
      tags: tagMap(e.tags),
    });
  };
  addExperiment({ id: '0', name: 'Default' });
  for (const e of list(seed.experiments, 'experiments')) addExperiment(e);

  /** @type {import('./types.mjs').Run[]} */
  const runs = [];
  for (const r of list(seed.runs, 'runs')) {
    const runId = required(r.id ?? r.runId, 'runs[].id');
    if (r.gc) {
      samples.gcRunIds.push(runId);
      continue;
    }
    const experimentId = String(r.experimentId ?? '0');
    if (!experiments.has(experimentId)) addExperiment({ id: experimentId });
    const startTime = tick(r.startTime);
    const metrics = list(r.metrics, 'runs[].metrics').map((m) => ({
      key: required(m.key, 'metrics[].key'),
      value: metricValue(m.value),
      timestamp: tick(m.timestamp),
      step: m.step ?? 0,
    }));
    if (metrics.some((m) => Number.isNaN(m.value)))
      samples.nanMetricRunIds.push(runId);
    if (metrics.some((m) => Math.abs(m.value) === Number.MAX_VALUE))
      samples.infiniteMetricRunIds.push(runId);
    if (r.lifecycleStage === 'deleted') samples.deletedRunIds.push(runId);
    runs.push({
      runId,
      runName: r.name ?? r.runName ?? runId.slice(0, 8),
      experimentId,
      userId: r.userId,
      status: r.status ?? 'FINISHED',
      startTime,
      endTime:
        r.endTime ?? (r.status === 'RUNNING' ? undefined : tick(undefined)),
      artifactUri:
        r.artifactUri ?? `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
      lifecycleStage: r.lifecycleStage === 'deleted' ? 'deleted' : 'active',
      metrics,
      params: tagMap(r.params),
      tags: tagMap(r.tags),
    });
  }

  /** @type {import('./types.mjs').RegisteredModel[]} */
  const models = [];
  const names = new Set();
  for (const m of list(seed.models, 'models')) {
    const name = required(m.name, 'models[].name');
    if (names.has(name))
      throw new Error(`seed: duplicate model name ${JSON.stringify(name)}`);
    names.add(name);
    const created = tick(m.creationTimestamp);
    const tags = tagMap(m.tags);
    if (m.prompt) tags.set(IS_PROMPT_TAG, 'true');
    if (tags.get(IS_PROMPT_TAG) === 'true') samples.promptNames.push(name);
    else if (/['"%_\s\\]|[^\x20-\x7e]/.test(name))
      samples.trickyModelNames.push(name);
    /** @type {import('./types.mjs').RegisteredModel} */
    const model = {
      name,
      creationTimestamp: created,
      lastUpdatedTimestamp: created,
      description: m.description || undefined,
      tags,
      aliases: new Map(),
      versions: new Map(),
    };
    list(m.versions, 'models[].versions').forEach((v, index) => {
      const number = Number(v.version ?? index + 1);
      if (!Number.isInteger(number) || number < 1)
        throw new Error(`seed: bad version ${v.version} of ${name}`);
      const stage = STAGES.find(
        (s) => s.toLowerCase() === String(v.stage ?? 'None').toLowerCase(),
      );
      if (!stage)
        throw new Error(`seed: bad stage ${v.stage} of ${name} v${number}`);
      const versionCreated = tick(v.creationTimestamp);
      const updated = v.lastUpdatedTimestamp ?? versionCreated;
      model.versions.set(number, {
        name,
        version: number,
        creationTimestamp: versionCreated,
        lastUpdatedTimestamp: updated,
        currentStage: stage,
        description: v.description || undefined,
        source:
          v.source ??
          (v.runId ? `runs:/${v.runId}/model` : `s3://models/${number}`),
        runId: v.runId || undefined,
        runLink: v.runLink || undefined,
        status: v.status ?? 'READY',
        statusMessage: v.statusMessage || undefined,
        userId: v.userId,
        tags: tagMap(v.tags),
        deleted: Boolean(v.deleted),
      });
      model.lastUpdatedTimestamp = Math.max(
        model.lastUpdatedTimestamp,
        updated,
      );
    });
    model.versions = new Map([...model.versions].sort((a, b) => a[0] - b[0]));
    // MLflow tags a prompt's versions too; version searches recognise prompts by those tags.
    if (tags.get(IS_PROMPT_TAG) === 'true')
      for (const v of model.versions.values())
        if (!v.tags.has(IS_PROMPT_TAG)) v.tags.set(IS_PROMPT_TAG, 'true');
    for (const [alias, version] of Object.entries(m.aliases ?? {}))
      model.aliases.set(alias, Number(version));
    if (typeof m.lastUpdatedTimestamp === 'number')
      model.lastUpdatedTimestamp = m.lastUpdatedTimestamp;
    models.push(model);
  }
  return { experiments: [...experiments.values()], runs, models, samples };
}

/** @param {unknown} value @param {string} what @returns {any[]} */
function list(value, what) {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error(`seed: ${what} must be an array`);
  return value;
}

/** @param {unknown} value @param {string} what @returns {string} */
function required(value, what) {
  if (typeof value !== 'string' || value === '')
    throw new Error(`seed: ${what} is required`);
  return value;
}

/** @param {SeedTags | undefined} tags @returns {Map<string, string>} */
function tagMap(tags) {
  if (!tags) return new Map();
  if (Array.isArray(tags))
    return new Map(tags.map((t) => [String(t.key), String(t.value)]));
  return new Map(Object.entries(tags).map(([k, v]) => [k, String(v)]));
}

/** Numbers, or the strings "NaN", "Infinity" and "-Infinity" (JSON has no such numbers). @param {unknown} value */
function metricValue(value) {
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || (Number.isNaN(number) && value !== 'NaN'))
    throw new Error(`seed: bad metric value ${JSON.stringify(value)}`);
  return clampMetric(number);
}
