// @ts-check
// Building blocks of generated registries: one model, one version, its stage, its aliases, a prompt.
import * as words from './vocabulary.mjs';

/** @typedef {import('./types.mjs').RegisteredModel} RegisteredModel */
/** @typedef {import('./types.mjs').ModelVersion} ModelVersion */

/** @param {string} name @param {number} created @param {import('./random.mjs').Random} rng @returns {RegisteredModel} */
export function newModel(name, created, rng) {
  const team = rng.pick(words.TEAMS);
  const prefix = name.split('-')[0];
  const domain = words.DOMAINS.includes(prefix)
    ? prefix
    : rng.pick(words.DOMAINS);
  /** @type {Map<string, string>} Insertion order is deliberately not key order. */
  const tags = new Map([
    ['team', team],
    ['domain', domain],
  ]);
  if (rng.chance(0.5))
    tags.set('risk_tier', rng.pick(['low', 'medium', 'high']));
  if (rng.chance(0.3))
    tags.set(
      'framework',
      rng.pick(['sklearn', 'xgboost', 'pytorch', 'transformers']),
    );
  return {
    name,
    creationTimestamp: created,
    lastUpdatedTimestamp: created,
    description: rng.chance(0.7)
      ? `${domain} model owned by ${team}.`
      : undefined,
    tags,
    aliases: new Map(),
    versions: new Map(),
  };
}

/** @param {RegisteredModel} model @param {number} v @param {number} created @param {import('./random.mjs').Random} rng */
export function newVersion(model, v, created, rng) {
  const kind = rng.next();
  const runId = kind < 0.87 ? rng.hex(32) : undefined;
  const source =
    kind < 0.75
      ? `runs:/${runId}/model`
      : kind < 0.87
        ? `models:/m-${rng.hex(32)}`
        : `s3://models-bucket/${encodeURIComponent(model.name)}/${v}`;
  /** @type {Map<string, string>} */
  const tags = new Map();
  if (rng.chance(0.4))
    tags.set('validated', rng.chance(0.8) ? 'true' : 'false');
  if (rng.chance(0.2))
    tags.set('dataset', `snapshot-${2024 + rng.int(2)}-${1 + rng.int(12)}`);
  const pending = rng.chance(0.03);
  /** @type {ModelVersion} */
  const version = {
    name: model.name,
    version: v,
    creationTimestamp: created,
    lastUpdatedTimestamp: created,
    currentStage: 'None',
    description: rng.chance(0.3)
      ? `Retrained on ${1 + rng.int(28)} days of new data.`
      : undefined,
    source,
    runId,
    status: pending ? 'PENDING_REGISTRATION' : 'READY',
    userId: rng.pick(words.USERS),
    tags,
    deleted: false,
  };
  model.versions.set(v, version);
  return version;
}

/** @param {number} v @param {number} count @param {import('./random.mjs').Random} rng */
export function stageFor(v, count, rng) {
  const r = rng.next();
  if (v === count)
    return r < 0.45 ? 'Production' : r < 0.65 ? 'Staging' : 'None';
  if (v === count - 1)
    return r < 0.2 ? 'Staging' : r < 0.5 ? 'Archived' : 'None';
  return r < 0.4 ? 'Archived' : 'None';
}

/** champion (the Production version, else the newest), then sometimes challenger (the newest, when different). */
export function addAliases(
  /** @type {RegisteredModel} */ model,
  /** @type {import('./random.mjs').Random} */ rng,
) {
  const versions = [...model.versions.values()];
  if (!versions.length || !rng.chance(0.6)) return;
  const newest = versions[versions.length - 1].version;
  const production = versions.filter((v) => v.currentStage === 'Production');
  const champion = production.length
    ? production[production.length - 1].version
    : newest;
  model.aliases.set('champion', champion);
  if (champion !== newest && rng.chance(0.7))
    model.aliases.set('challenger', newest);
}

/** A prompt: MLflow 3 keeps prompts in the registry tables, tagged, and hides them from searches. */
export function promptModel(
  /** @type {number} */ p,
  /** @type {number} */ created,
  /** @type {import('./random.mjs').Random} */ rng,
) {
  const name = `prompt-${words.PROMPTS[p % words.PROMPTS.length]}${p >= words.PROMPTS.length ? `-${p}` : ''}`;
  const model = newModel(name, created, rng);
  model.tags = new Map([['mlflow.prompt.is_prompt', 'true']]);
  const version = newVersion(model, 1, created + 1, rng);
  Object.assign(version, {
    runId: undefined,
    source: `mlflow-artifacts:/prompts/${name}/1`,
    status: 'READY',
  });
  version.tags = new Map([
    ['mlflow.prompt.is_prompt', 'true'],
    ['mlflow.prompt.text', 'Summarize: {{ text }}'],
  ]);
  model.lastUpdatedTimestamp = created + 1;
  return model;
}
