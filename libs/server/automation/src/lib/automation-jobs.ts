import { AutomationJob, DeliverJobData, DispatchEventJobData } from '@model-inventory/server-core';
import { JobsOptions } from 'bullmq';
import { WEBHOOK_DELIVERY_ATTEMPTS } from './automation.constants';

interface JobSpec<T> {
  name: string;
  data: T;
  opts: JobsOptions;
}

const DAY_S = 24 * 60 * 60;

/**
 * The deterministic jobId makes a second enqueue of the same event a no-op while the job exists.
 * Finished jobs are removed so the sweeper can enqueue again; the handler then skips an event
 * that is already dispatched.
 */
export function dispatchEventJob(eventUuid: string): JobSpec<DispatchEventJobData> {
  return {
    name: AutomationJob.dispatchEvent,
    data: { event_uuid: eventUuid },
    opts: { jobId: `event-${eventUuid}`, attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: true, removeOnFail: true },
  };
}

/** Kept for a while after finishing so that a repeated fan-out cannot enqueue the same delivery again. */
export function deliverJob(eventUuid: string, webhookId: number, retryDelayMs: number): JobSpec<DeliverJobData> {
  return {
    name: AutomationJob.deliver,
    data: { event_uuid: eventUuid, webhook_id: webhookId },
    opts: {
      jobId: `deliver-${eventUuid}-${webhookId}`,
      attempts: WEBHOOK_DELIVERY_ATTEMPTS,
      backoff: { type: 'exponential', delay: retryDelayMs },
      removeOnComplete: { age: DAY_S, count: 10_000 },
      removeOnFail: { age: 7 * DAY_S },
    },
  };
}
