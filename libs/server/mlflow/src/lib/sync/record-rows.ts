import { createHash } from 'node:crypto';
import { WireModelVersion, WireRegisteredModel, WireRun, WireTag } from '../client/mlflow-wire';

/** What a sync keeps of a registered model while it lists its versions. */
export interface ModelFacts {
  description: string | null;
  tags: Record<string, string>;
  /** Alias names per version, sorted. */
  aliasesByVersion: Map<string, string[]>;
}

/** A record's columns that come from the version and its model (the run's come separately). */
export interface VersionColumns {
  model_name: string;
  version: string;
  version_number: number | null;
  lifecycle_stage: string | null;
  status: string | null;
  aliases: string[];
  run_id: string | null;
  description: string | null;
  model_description: string | null;
  source: string | null;
  tags: Record<string, string>;
  model_tags: Record<string, string>;
  mlflow_created_at: string | null;
  mlflow_updated_at: string | null;
  content_hash: string;
}

export interface RunColumns {
  run_status: string | null;
  lineage_available: boolean;
  metrics: Record<string, number | string>;
  parameters: Record<string, string>;
  experiment_id: string | null;
}

export const NO_RUN: RunColumns = { run_status: null, lineage_available: true, metrics: {}, parameters: {}, experiment_id: null };
export const LINEAGE_UNAVAILABLE: RunColumns = { ...NO_RUN, lineage_available: false };

/** Tags as a key-sorted object: search and get endpoints list them in different orders. */
export function tagObject(tags: WireTag[] | undefined): Record<string, string> {
  const pairs = (tags ?? []).filter((tag): tag is { key: string; value?: string } => typeof tag.key === 'string').map((tag) => [tag.key, tag.value ?? ''] as const);
  return Object.fromEntries([...pairs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function modelFactsOf(model: WireRegisteredModel): ModelFacts {
  const aliasesByVersion = new Map<string, string[]>();
  for (const { alias, version } of model.aliases ?? []) {
    if (!alias || !version) continue;
    aliasesByVersion.set(version, [...(aliasesByVersion.get(version) ?? []), alias].sort());
  }
  return { description: model.description || null, tags: tagObject(model.tags), aliasesByVersion };
}

const isoOf = (ms: number | undefined) => (typeof ms === 'number' && Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/** The record columns of a version (aliases resolved against versions that exist, from the model). */
export function versionColumns(version: WireModelVersion & { name: string; version: string }, model: ModelFacts): VersionColumns {
  const number = /^\d{1,15}$/.test(version.version) ? Number(version.version) : null;
  const columns: Omit<VersionColumns, 'content_hash'> = {
    model_name: version.name,
    version: version.version,
    version_number: number,
    lifecycle_stage: version.current_stage ?? null,
    status: version.status ?? null,
    aliases: model.aliasesByVersion.get(version.version) ?? [],
    run_id: version.run_id || null,
    description: version.description || null,
    model_description: model.description,
    source: version.source || null,
    tags: tagObject(version.tags),
    model_tags: model.tags,
    mlflow_created_at: isoOf(version.creation_timestamp),
    mlflow_updated_at: isoOf(version.last_updated_timestamp),
  };
  return { ...columns, content_hash: createHash('sha256').update(JSON.stringify(columns)).digest('hex') };
}

/** Latest metric values (NaN kept as "NaN"), params, status and experiment of a run. */
export function runColumns(run: WireRun | undefined): RunColumns {
  if (!run) return LINEAGE_UNAVAILABLE;
  const metrics: Record<string, number | string> = {};
  for (const { key, value } of run.data?.metrics ?? []) if (key !== undefined && value !== undefined) metrics[key] = typeof value === 'number' ? value : String(value);
  const parameters: Record<string, string> = {};
  for (const { key, value } of run.data?.params ?? []) if (key !== undefined) parameters[key] = value ?? '';
  return { run_status: run.info?.status ?? null, lineage_available: true, metrics, parameters, experiment_id: run.info?.experiment_id ?? null };
}
