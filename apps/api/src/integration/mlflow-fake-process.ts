// Runs tools/mlflow-fake (a fake MLflow tracking server) as a child process for jest tests, and talks to its
// control API. jest cannot import the tool's ESM in-process, so it is spawned like a user would start it.
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const MAIN = join(__dirname, '../../../../tools/mlflow-fake/main.mjs');
const READY_LINE = /^Fake MLflow on (\S+) \((\d+) models, (\d+) versions, auth (\w+)\)$/;

/** A running fake. `url` is the tracking URI (it includes `--static-prefix`); the control API lives at `origin`. */
export interface FakeMlflow {
  url: string;
  origin: string;
  models: number;
  versions: number;
  control: FakeMlflowControl;
  /** Milliseconds from spawn to the ready line (data generation included). */
  startMs: number;
  stop(): Promise<void>;
}

/** Spawns `node tools/mlflow-fake/main.mjs --port 0 ...args` and waits for its ready line. */
export async function startFakeMlflow(args: string[] = [], { timeoutMs = 60_000 } = {}): Promise<FakeMlflow> {
  const started = Date.now();
  const child = spawn(process.execPath, [MAIN, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready within ${timeoutMs} ms`), timeoutMs);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`fake MLflow ${why}: ${stderr.trim()}`));
    };
    createInterface({ input: child.stdout }).once('line', (text) => {
      clearTimeout(timer);
      const match = READY_LINE.exec(text);
      if (match) resolve(match);
      else fail(`printed an unexpected first line ${JSON.stringify(text)}`);
    });
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
  });
  const url = line[1];
  const origin = new URL(url).origin;
  return {
    url,
    origin,
    models: Number(line[2]),
    versions: Number(line[3]),
    control: new FakeMlflowControl(origin),
    startMs: Date.now() - started,
    stop: () => stopChild(child, exited),
  };
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** MLflow's JSON entities as the fake (and MLflow) send them: every field optional, int64 as numbers. */
export interface WireTag {
  key: string;
  value: string;
}

export interface WireModelVersion {
  name: string;
  version: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: string;
  tags?: WireTag[];
  aliases?: string[];
}

export interface WireRegisteredModel {
  name: string;
  creation_timestamp: number;
  last_updated_timestamp: number;
  description?: string;
  latest_versions?: WireModelVersion[];
  tags?: WireTag[];
  aliases?: { alias: string; version: string }[];
}

export interface WireRun {
  info: { run_id: string; experiment_id: string; status: string; lifecycle_stage: string; start_time?: number };
  data: {
    metrics?: { key: string; value: number | 'NaN'; step: number; timestamp: number }[];
    params?: WireTag[];
    tags?: WireTag[];
  };
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

/** Any MLflow response body (or error body): the keys of every endpoint the fake serves, all optional. */
export interface MlflowBody {
  registered_models?: WireRegisteredModel[];
  model_versions?: WireModelVersion[];
  registered_model?: WireRegisteredModel;
  model_version?: WireModelVersion;
  run?: WireRun;
  experiments?: { experiment_id: string; name: string }[];
  experiment?: { experiment_id: string; name: string; lifecycle_stage: string };
  next_page_token?: string;
  error_code?: string;
  message?: string;
}

export interface HttpResult<T = MlflowBody> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body; an empty object when the body is not JSON (see `isJson`). */
  json: T;
  isJson: boolean;
}

async function request<T>(url: string, init: RequestInit = {}): Promise<HttpResult<T>> {
  const response = await fetch(url, init);
  const text = await response.text();
  try {
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as T, isJson: true };
  } catch {
    return { status: response.status, headers: response.headers, text, json: {} as T, isJson: false };
  }
}

export type QueryValue = string | number | string[];

/** GET `<baseUrl>/api/2.0/mlflow/<endpoint>?query` (repeated keys for arrays, as MLflow expects for order_by). */
export function mlflowGet(
  baseUrl: string,
  endpoint: string,
  query: Record<string, QueryValue> = {},
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  const search = params.toString() ? `?${params}` : '';
  return request<MlflowBody>(`${baseUrl}/api/2.0/mlflow/${endpoint}${search}`, { headers });
}

/** Data for POST /_fake/reset: a seed (README schema) or generator settings; `{}` restores the start-up data. */
export type FakeResetBody =
  | { seed: FakeSeed }
  | { models: number; versionsPerModel?: number; seedNumber?: number; prompts?: number }
  | Record<string, never>;

export interface FakeSeed {
  experiments?: { id: string; name?: string; lifecycleStage?: 'active' | 'deleted'; tags?: Record<string, string> }[];
  runs?: {
    id: string;
    experimentId?: string;
    name?: string;
    status?: string;
    lifecycleStage?: 'active' | 'deleted';
    gc?: boolean;
    startTime?: number;
    endTime?: number;
    metrics?: { key: string; value: number | 'NaN' | 'Infinity' | '-Infinity'; step?: number; timestamp?: number }[];
    params?: Record<string, string>;
    tags?: Record<string, string>;
  }[];
  models?: {
    name: string;
    description?: string;
    prompt?: boolean;
    creationTimestamp?: number;
    lastUpdatedTimestamp?: number;
    tags?: Record<string, string> | { key: string; value: string }[];
    aliases?: Record<string, number | string>;
    versions?: {
      version?: number;
      stage?: 'None' | 'Staging' | 'Production' | 'Archived';
      status?: string;
      source?: string;
      runId?: string;
      description?: string;
      tags?: Record<string, string>;
      creationTimestamp?: number;
      lastUpdatedTimestamp?: number;
      deleted?: boolean;
    }[];
  }[];
}

/** Body of POST /_fake/faults: each key present replaces that fault, `null` removes it. */
export interface FakeFaults {
  status429?: { count: number; retryAfterSeconds?: number; endpoint?: string } | null;
  status503?: { count: number; endpoint?: string } | null;
  failEndpoint?: { endpoint: string; status?: number; count?: number; errorCode?: string } | null;
  malformedJson?: { count: number; endpoint?: string } | null;
  latencyMs?: number | null;
  proxyMode?: boolean | null;
  mutateBetweenPages?: { afterPage: number; action: 'insert' | 'delete'; name?: string } | null;
  permissionFilter?: { hiddenModels?: string[]; hiddenFraction?: number } | null;
}

export type FakeMutation =
  | 'models/create'
  | 'models/delete'
  | 'models/update'
  | 'models/set-tag'
  | 'models/delete-tag'
  | 'models/set-alias'
  | 'models/delete-alias'
  | 'versions/create'
  | 'versions/delete'
  | 'versions/update'
  | 'versions/transition-stage'
  | 'versions/set-tag'
  | 'versions/delete-tag'
  | 'runs/delete'
  | 'runs/restore'
  | 'runs/gc';

export interface FakeStats {
  models: number;
  prompts: number;
  versions: number;
  deletedVersions: number;
  runs: number;
  experiments: number;
  requests: number;
  mode: string;
  auth: string;
  samples: {
    trickyModelNames: string[];
    promptNames: string[];
    gcRunIds: string[];
    deletedRunIds: string[];
    nanMetricRunIds: string[];
    infiniteMetricRunIds: string[];
  };
}

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  authorization: boolean;
  authScheme: 'basic' | 'bearer' | 'other' | null;
  status?: number;
}

/** The fake's /_fake/ control API. Every call throws unless it answers 200. */
export class FakeMlflowControl {
  constructor(readonly origin: string) {}

  reset(body: FakeResetBody = {}): Promise<FakeStats> {
    return this.call('POST', 'reset', body);
  }

  setFaults(faults: FakeFaults): Promise<unknown> {
    return this.call('POST', 'faults', faults);
  }

  clearFaults(): Promise<unknown> {
    return this.call('DELETE', 'faults');
  }

  /** e.g. `mutate('models/set-tag', { name, key, value })`; answers the entity as a get endpoint would. */
  mutate(action: FakeMutation, body: Record<string, unknown>): Promise<MlflowBody> {
    return this.call('POST', action, body);
  }

  stats(): Promise<FakeStats> {
    return this.call('GET', 'stats');
  }

  async requests(): Promise<LoggedRequest[]> {
    return (await this.call<{ requests: LoggedRequest[] }>('GET', 'requests')).requests;
  }

  clearRequests(): Promise<unknown> {
    return this.call('DELETE', 'requests');
  }

  private async call<T>(method: string, action: string, body?: unknown): Promise<T> {
    const result = await request<T>(`${this.origin}/_fake/${action}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (result.status !== 200) throw new Error(`${method} /_fake/${action}: ${result.status} ${result.text}`);
    return result.json;
  }
}
