/** MLflow's JSON as it arrives: snake_case, every field optional, int64 as numbers, `version` a string. */
export interface WireTag {
  key?: string;
  value?: string;
}

export interface WireRegisteredModel {
  name?: string;
  description?: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  tags?: WireTag[];
  aliases?: Array<{ alias?: string; version?: string }>;
}

export interface WireModelVersion {
  name?: string;
  version?: string;
  creation_timestamp?: number;
  last_updated_timestamp?: number;
  current_stage?: string;
  description?: string;
  source?: string;
  run_id?: string;
  status?: string;
  tags?: WireTag[];
}

export interface WireRun {
  info?: { run_id?: string; experiment_id?: string; status?: string; lifecycle_stage?: string };
  data?: {
    metrics?: Array<{ key?: string; value?: number | string }>;
    params?: WireTag[];
  };
}
