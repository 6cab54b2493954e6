import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { WorkerCheckResponse, WorkerStatusResponse } from '@model-inventory/contracts';
import { HeartbeatJobData, HeartbeatJobResult, QueueName, RequestContext, ServiceUnavailableError, SystemJob } from '@model-inventory/server-core';
import { Job, Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { HeartbeatService, WORKER_ONLINE_WINDOW_MS } from './heartbeat.service';

const CHECK_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

@Injectable()
export class SystemService {
  constructor(
    private readonly heartbeats: HeartbeatService,
    @InjectQueue(QueueName.system) private readonly queue: Queue<HeartbeatJobData, HeartbeatJobResult>,
  ) {}

  async workers(): Promise<WorkerStatusResponse> {
    const now = Date.now();
    const rows = await this.heartbeats.recent();
    return {
      workers: rows.map((row) => ({
        worker_id: row.worker_id,
        hostname: row.hostname,
        pid: row.pid,
        last_seen_at: row.last_seen_at.toISOString(),
        online: now - row.last_seen_at.getTime() < WORKER_ONLINE_WINDOW_MS,
      })),
    };
  }

  /** Sends a job through the queue and waits for a worker to answer it: proof that the whole pipeline runs. */
  async checkWorker(): Promise<WorkerCheckResponse> {
    const started = Date.now();
    const job = await this.queue.add(SystemJob.heartbeat, { requested_by: `user:${RequestContext.requireActor().userId}` }, { removeOnComplete: 100, removeOnFail: 100 });
    while (Date.now() - started < CHECK_TIMEOUT_MS) {
      const current = job.id ? await Job.fromId<HeartbeatJobData, HeartbeatJobResult>(this.queue, job.id) : undefined;
      if (current?.finishedOn && current.returnvalue) return { ...current.returnvalue, round_trip_ms: Date.now() - started };
      if (current?.failedReason) throw new ServiceUnavailableError(`The worker failed the check: ${current.failedReason}`);
      await sleep(POLL_MS);
    }
    throw new ServiceUnavailableError(`No worker answered within ${CHECK_TIMEOUT_MS / 1000} s. Is the worker running?`);
  }
}
