/** Every BullMQ queue and job the system knows, with its payload type, declared once. */
export const QueueName = {
  system: 'system',
  history: 'history',
  automation: 'automation',
  evidence: 'evidence',
  mlflow: 'mlflow',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const SystemJob = {
  heartbeat: 'system.heartbeat',
} as const;

export const HistoryJob = {
  /** Fan-out: enqueues one `snapshotOrganization` job per organisation. */
  dailySnapshots: 'history.daily-snapshots',
  snapshotOrganization: 'history.snapshot-organization',
} as const;

export const AutomationJob = {
  /** Finds the webhooks subscribed to one outbox event and enqueues a delivery for each. */
  dispatchEvent: 'automation.dispatch-event',
  deliver: 'automation.deliver',
  /** Periodic safety net: dispatches outbox events whose post-commit enqueue was lost. */
  sweepOutbox: 'automation.sweep-outbox',
} as const;

export const EvidenceJob = {
  /** Daily: marks evidence expiring or expired, announcing each transition once. */
  expirySweep: 'evidence.expiry-sweep',
} as const;

export const MlflowJob = {
  /** Fan-out: one `syncOrganization` job per organisation whose MLflow connection test last succeeded. */
  scheduledSync: 'mlflow.scheduled-sync',
  syncOrganization: 'mlflow.sync-organization',
} as const;

/** Never a secret: the worker reads the connection (and opens its secrets) from the database. */
export interface MlflowSyncJobData {
  organization_id: number;
  /** `schedule`, or the id of the user who asked. */
  requested_by: string;
}

export interface HeartbeatJobData {
  /** Who asked: `scheduler` for the periodic beat, or the id of the user who asked for a check. */
  requested_by: string;
}

export interface HeartbeatJobResult {
  worker_id: string;
  processed_at: string;
}

export interface SnapshotOrganizationJobData {
  organization_id: number;
}

/**
 * Jobs name events by their UUID, never by the database id: ids start again in a recreated or restored
 * database while Redis still holds jobs (and their ids) of the old one.
 */
export interface DispatchEventJobData {
  event_uuid: string;
}

export interface DeliverJobData {
  event_uuid: string;
  webhook_id: number;
}

export type NoJobData = Record<string, never>;

/** The payload of every job, by job name: producers and processors are typed from this one map. */
export interface JobPayloads {
  [SystemJob.heartbeat]: HeartbeatJobData;
  [HistoryJob.dailySnapshots]: NoJobData;
  [HistoryJob.snapshotOrganization]: SnapshotOrganizationJobData;
  [AutomationJob.dispatchEvent]: DispatchEventJobData;
  [AutomationJob.deliver]: DeliverJobData;
  [AutomationJob.sweepOutbox]: NoJobData;
  [EvidenceJob.expirySweep]: NoJobData;
  [MlflowJob.scheduledSync]: NoJobData;
  [MlflowJob.syncOrganization]: MlflowSyncJobData;
}

export type JobName = keyof JobPayloads;

/** Which jobs run on which queue. */
export interface QueueJobs {
  [QueueName.system]: (typeof SystemJob)[keyof typeof SystemJob];
  [QueueName.history]: (typeof HistoryJob)[keyof typeof HistoryJob];
  [QueueName.automation]: (typeof AutomationJob)[keyof typeof AutomationJob];
  [QueueName.evidence]: (typeof EvidenceJob)[keyof typeof EvidenceJob];
  [QueueName.mlflow]: (typeof MlflowJob)[keyof typeof MlflowJob];
}

export const HEARTBEAT_SCHEDULER_ID = 'system-heartbeat';
export const HEARTBEAT_EVERY_MS = 30_000;
export const DAILY_SNAPSHOT_SCHEDULER_ID = 'history-daily-snapshots';
export const DAILY_SNAPSHOT_CRON = '5 0 * * *';
export const OUTBOX_SWEEP_SCHEDULER_ID = 'automation-outbox-sweep';
export const EVIDENCE_EXPIRY_SCHEDULER_ID = 'evidence-expiry-sweep';
export const EVIDENCE_EXPIRY_CRON = '15 0 * * *';
export const MLFLOW_SYNC_SCHEDULER_ID = 'mlflow-sync';
