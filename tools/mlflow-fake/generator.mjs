// @ts-check
// Seeded, deterministic data: --models N --versions-per-model K [--seed-number S]. Same inputs, same data.
// Runs are generated when first read (a 10,000 x 10 registry has 100,000 runs), from their own seed.
import { createRandom, mixSeed } from './random.mjs';
import { generatedRun, runTraits } from './generated-runs.mjs';
import {
  addAliases,
  newModel,
  newVersion,
  promptModel,
  stageFor,
} from './generated-models.mjs';
import * as words from './vocabulary.mjs';

/** @typedef {import('./types.mjs').RegisteredModel} RegisteredModel */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */
/** @typedef {{ models: number, versionsPerModel: number, seedNumber?: number, prompts?: number }} GeneratorOptions */

const BASE_TIME = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const VERSION_GAP = 300_000;

/**
 * @param {GeneratorOptions} options
 * @returns {import('./types.mjs').Dataset}
 */
export function generateDataset({
  models,
  versionsPerModel,
  seedNumber = 42,
  prompts = models > 0 ? 2 : 0,
}) {
  const rng = createRandom(mixSeed(seedNumber, 1));
  const experimentCount = Math.max(1, Math.ceil(models / 25));
  const experiments = [experiment('0', 'Default', BASE_TIME - HOUR, 'active')];
  for (let e = 1; e <= experimentCount; e++)
    experiments.push(
      experiment(
        String(e),
        `${words.DOMAINS[(e - 1) % words.DOMAINS.length]}-experiments-${e}`,
        BASE_TIME - HOUR + e * 1000,
        e === 3 ? 'deleted' : 'active',
      ),
    );
  const samples = emptySamples();
  /** @type {Map<string, unknown>} */
  const lazyRuns = new Map();
  const names = new Set();
  let runIndex = 0;
  /** @type {RegisteredModel[]} */
  const list = [];
  for (let i = 0; i < models; i++) {
    const name = modelName(i, rng, names);
    if (i % 10 === 1 && samples.trickyModelNames.length < 24)
      samples.trickyModelNames.push(name);
    const created = BASE_TIME + i * HOUR + rng.int(60_000);
    const model = newModel(name, created, rng);
    const experimentId = String((i % experimentCount) + 1);
    for (let v = 1; v <= versionsPerModel; v++) {
      const version = newVersion(
        model,
        v,
        created + v * VERSION_GAP + rng.int(60_000),
        rng,
      );
      version.currentStage = stageFor(v, versionsPerModel, rng);
      if (version.currentStage !== 'None')
        version.lastUpdatedTimestamp += 1 + rng.int(VERSION_GAP / 2);
      if (version.runId) {
        const traits = runTraits(runIndex);
        if (traits.gc) pushSample(samples.gcRunIds, version.runId);
        else
          lazyRuns.set(version.runId, [
            experimentId,
            version.creationTimestamp - HOUR,
            runIndex,
          ]);
        if (!traits.gc && traits.deleted)
          pushSample(samples.deletedRunIds, version.runId);
        if (!traits.gc && traits.nan)
          pushSample(samples.nanMetricRunIds, version.runId);
        if (!traits.gc && traits.infinity)
          pushSample(samples.infiniteMetricRunIds, version.runId);
        runIndex++;
      }
      model.lastUpdatedTimestamp = Math.max(
        model.lastUpdatedTimestamp,
        version.lastUpdatedTimestamp,
      );
    }
    addAliases(model, rng);
    list.push(model);
  }
  for (let p = 0; p < prompts; p++) {
    const prompt = promptModel(p, BASE_TIME + models * HOUR + p * 1000, rng);
    samples.promptNames.push(prompt.name);
    list.push(prompt);
  }
  return {
    experiments,
    runs: [],
    models: list,
    lazyRuns,
    materializeRun: (runId, descriptor) => {
      const [experimentId, startTime, index] =
        /** @type {[string, number, number]} */ (descriptor);
      return generatedRun({
        runId,
        experimentId,
        startTime,
        runIndex: index,
        seedNumber,
      });
    },
    samples,
  };
}

/** @returns {import('./types.mjs').Samples} */
export const emptySamples = () => ({
  trickyModelNames: [],
  promptNames: [],
  gcRunIds: [],
  deletedRunIds: [],
  nanMetricRunIds: [],
  infiniteMetricRunIds: [],
});

/** @param {string[]} list @param {string} value */
const pushSample = (list, value) => void (list.length < 10 && list.push(value));

/** @param {string} id @param {string} name @param {number} time @param {'active' | 'deleted'} stage */
function experiment(id, name, time, stage) {
  return {
    experimentId: id,
    name,
    artifactLocation: `mlflow-artifacts:/${id}`,
    lifecycleStage: stage,
    creationTime: time,
    lastUpdateTime: time,
    tags: new Map(id === '0' ? [] : [['team', words.TEAMS[Number(id) % 6]]]),
  };
}

/** Every tenth model (from the second on) takes a tricky name; the rest `domain-task-algo[-region][-n]`. */
function modelName(
  /** @type {number} */ i,
  /** @type {import('./random.mjs').Random} */ rng,
  /** @type {Set<string>} */ names,
) {
  let base;
  if (i % 10 === 1) {
    const k = (i - 1) / 10;
    const tricky = words.TRICKY_NAMES[k % words.TRICKY_NAMES.length];
    base =
      k < words.TRICKY_NAMES.length
        ? tricky
        : `${tricky}-${Math.floor(k / words.TRICKY_NAMES.length) + 1}`;
  } else {
    base = `${rng.pick(words.DOMAINS)}-${rng.pick(words.TASKS)}-${rng.pick(words.ALGORITHMS)}`;
    if (names.has(base)) base = `${base}-${rng.pick(words.REGIONS)}`;
  }
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}-${n}`;
  names.add(name);
  return name;
}
