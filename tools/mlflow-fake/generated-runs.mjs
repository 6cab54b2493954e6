// @ts-check
// The training runs behind generated versions, built on first read from (seed number, run index).
// Every 40th run (index 11 mod 40) was garbage-collected (404), index 13 mod 40 is soft-deleted; index 3 mod 25
// logged a NaN, index 7 mod 25 an infinite value (also -Infinity at 32 mod 50). Each run re-logged `loss` at
// step 0 after the last step, so "the value at the highest step" and "the newest value" differ.
import { createRandom, mixSeed } from './random.mjs';
import { ADJECTIVES, ANIMALS, USERS } from './vocabulary.mjs';

/** @param {number} runIndex */
export function runTraits(runIndex) {
  return {
    gc: runIndex % 40 === 11,
    deleted: runIndex % 40 === 13,
    nan: runIndex % 25 === 3,
    infinity: runIndex % 25 === 7,
    negativeInfinity: runIndex % 50 === 32,
  };
}

/** MLflow stores ±Infinity as ±1.7976931348623157e308. @param {number} value */
export const clampMetric = (value) =>
  value === Infinity
    ? Number.MAX_VALUE
    : value === -Infinity
      ? -Number.MAX_VALUE
      : value;

/**
 * @param {{ runId: string, experimentId: string, startTime: number, runIndex: number, seedNumber: number }} input
 * @returns {import('./types.mjs').Run}
 */
export function generatedRun({
  runId,
  experimentId,
  startTime,
  runIndex,
  seedNumber,
}) {
  const rng = createRandom(mixSeed(seedNumber, runIndex, 7));
  const traits = runTraits(runIndex);
  const user = rng.pick(USERS);
  const runName = `${rng.pick(ADJECTIVES)}-${rng.pick(ANIMALS)}-${rng.int(1000)}`;
  const endTime = startTime + 60_000 + rng.int(1_800_000);
  const round = (/** @type {number} */ x) => Math.round(x * 10_000) / 10_000;
  /** @type {import('./types.mjs').Metric[]} */
  const metrics = [];
  const steps = 3;
  const stepTime = Math.floor((endTime - startTime) / (steps + 2));
  for (const key of ['accuracy', 'auc', 'loss']) {
    let value = key === 'loss' ? 0.9 + rng.next() : 0.5 + rng.next() * 0.2;
    for (let step = 0; step < steps; step++) {
      metrics.push({
        key,
        value: round(value),
        timestamp: startTime + (step + 1) * stepTime,
        step,
      });
      value =
        key === 'loss'
          ? value * (0.5 + rng.next() * 0.3)
          : Math.min(0.999, value + rng.next() * 0.1);
    }
  }
  metrics.push({ key: 'loss', value: 9.99, timestamp: endTime - 1, step: 0 });
  if (traits.nan)
    metrics.push({
      key: 'val_loss',
      value: NaN,
      timestamp: endTime - 2,
      step: 2,
    });
  if (traits.infinity)
    metrics.push({
      key: 'grad_norm_max',
      value: clampMetric(Infinity),
      timestamp: endTime - 3,
      step: 2,
    });
  if (traits.negativeInfinity)
    metrics.push({
      key: 'log_likelihood_min',
      value: clampMetric(-Infinity),
      timestamp: endTime - 4,
      step: 1,
    });
  /** @type {Map<string, string>} */
  const params = new Map([
    ['learning_rate', String(rng.pick([0.001, 0.01, 0.05, 0.1]))],
    ['max_depth', String(3 + rng.int(8))],
    ['n_estimators', String(100 * (1 + rng.int(10)))],
  ]);
  /** @type {Map<string, string>} */
  const tags = new Map([
    ['mlflow.user', user],
    ['mlflow.runName', runName],
    [
      'mlflow.source.name',
      rng.pick(['train.py', 'pipelines/train.py', '/Repos/ml/notebooks/train']),
    ],
    ['mlflow.source.type', rng.pick(['LOCAL', 'JOB', 'NOTEBOOK'])],
    ['mlflow.source.git.commit', rng.hex(40)],
  ]);
  if (rng.chance(0.2))
    tags.set(
      'mlflow.note.content',
      'Baseline retrain after the quarterly data refresh.',
    );
  return {
    runId,
    runName,
    experimentId,
    userId: user,
    status: rng.chance(0.95) ? 'FINISHED' : 'FAILED',
    startTime,
    endTime,
    artifactUri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts`,
    lifecycleStage: traits.deleted ? 'deleted' : 'active',
    metrics,
    params,
    tags,
  };
}
