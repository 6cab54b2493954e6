/** Every BullMQ queue and job the system knows, with its payload type, declared once. */
export const QueueName = {
  system: 'system',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const SystemJob = {
  heartbeat: 'system.heartbeat',
} as const;

export interface HeartbeatJobData {
  /** Who asked: `scheduler` for the periodic beat, or the id of the user who asked for a check. */
  requested_by: string;
}

export interface HeartbeatJobResult {
  worker_id: string;
  processed_at: string;
}

export const HEARTBEAT_SCHEDULER_ID = 'system-heartbeat';
export const HEARTBEAT_EVERY_MS = 30_000;
