export type HealthState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'error';
  info?: Record<string, { status: HealthState; [key: string]: unknown }>;
  error?: Record<string, { status: HealthState; [key: string]: unknown }>;
  details: Record<string, { status: HealthState; [key: string]: unknown }>;
}

export interface WorkerCheckResponse {
  worker_id: string;
  processed_at: string;
  /** Time from enqueueing the check to seeing it completed. */
  round_trip_ms: number;
}

export interface WorkerStatus {
  worker_id: string;
  hostname: string;
  pid: number;
  last_seen_at: string;
  online: boolean;
}

export interface WorkerStatusResponse {
  workers: WorkerStatus[];
}
