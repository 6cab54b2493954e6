import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { MlflowSyncStartedResponse, MlflowSyncStatusResponse } from '@model-inventory/contracts';
import { ConflictError, MlflowJob, MlflowSyncJobData, QueueName, RequestContext } from '@model-inventory/server-core';
import { JobsOptions, Queue } from 'bullmq';
import { MlflowConfigService } from '../mlflow-config.service';
import { MlflowIntegrationsRepository } from '../mlflow-integrations.repository';

/** 1 try and 3 retries, 1 s, 2 s and 4 s apart; gone when done, so the id is free for the next run. */
export const MLFLOW_SYNC_JOB_OPTIONS: JobsOptions = { attempts: 4, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true };

/**
 * One id per organisation, so it is never synced twice at once (BullMQ ignores a job whose id is waiting or
 * running), and the integration's creation time in it, so a recreated database never meets the ids of an old one.
 */
export const mlflowSyncJobId = (organizationId: number, integrationCreatedAt: Date) => `mlflow-sync-${integrationCreatedAt.getTime()}-org-${organizationId}`;

/** Enqueues syncs (on request, or for every ready organisation on schedule) and reports their state. */
@Injectable()
export class MlflowJobsService {
  private readonly logger = new Logger(MlflowJobsService.name);

  constructor(
    private readonly config: MlflowConfigService,
    private readonly integrations: MlflowIntegrationsRepository,
    @InjectQueue(QueueName.mlflow) private readonly queue: Queue<MlflowSyncJobData>,
  ) {}

  async requestSync(): Promise<MlflowSyncStartedResponse> {
    const integration = await this.config.requireIntegration();
    if (integration.last_test_status !== 'success') {
      throw new ConflictError('The last connection test did not succeed: run the connection test (POST /api/integrations/mlflow/test) until it does, then sync.');
    }
    const { organizationId, userId } = RequestContext.requireActor();
    const jobId = mlflowSyncJobId(organizationId, integration.created_at);
    await this.queue.add(MlflowJob.syncOrganization, { organization_id: organizationId, requested_by: String(userId ?? 'system') }, { ...MLFLOW_SYNC_JOB_OPTIONS, jobId });
    return { job_id: jobId };
  }

  async status(): Promise<MlflowSyncStatusResponse> {
    const found = await this.config.requireIntegration();
    const jobId = mlflowSyncJobId(RequestContext.requireActor().organizationId, found.created_at);
    const job = await this.queue.getJob(jobId);
    const state = job ? await job.getState() : null;
    const running = state === 'active';
    const queued = state === 'waiting' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children';
    // A sync records its outcome before its job ends, so a job seen ended may have recorded it after the first read:
    // read it again, or an attempt retried with success would show as idle with the failure of the attempt before.
    const integration = running || queued ? found : await this.config.requireIntegration();
    const progress = running && typeof job?.progress === 'object' ? (job.progress as { models: number; versions: number }) : null;
    return {
      state: running ? 'running' : queued ? 'queued' : 'idle',
      job_id: running || queued ? jobId : null,
      progress,
      last_synced_at: integration.last_synced_at?.toISOString() ?? null,
      last_sync_status: integration.last_sync_status,
      last_sync_message: integration.last_sync_message,
      last_sync_counts: integration.last_sync_counts,
    };
  }

  /** The scheduled run: one job per organisation whose last connection test succeeded; the others are recorded as skipped. */
  async fanOut(): Promise<number> {
    const all = await this.integrations.findAllForFanOut();
    const ready = all.filter((row) => row.last_test_status === 'success');
    for (const row of all.filter((r) => r.last_test_status !== 'success')) {
      await RequestContext.runAsSystem(row.organization_id, 'MLflow sync', () =>
        this.integrations.recordSync({ status: 'skipped', message: 'Skipped: the last connection test did not succeed; test the connection first.', counts: null }),
      );
    }
    if (ready.length > 0) {
      await this.queue.addBulk(
        ready.map((row) => ({
          name: MlflowJob.syncOrganization,
          data: { organization_id: row.organization_id, requested_by: 'schedule' },
          opts: { ...MLFLOW_SYNC_JOB_OPTIONS, jobId: mlflowSyncJobId(row.organization_id, row.created_at) },
        })),
      );
    }
    this.logger.log(`MLflow sync enqueued for ${ready.length} organisations, ${all.length - ready.length} skipped`);
    return ready.length;
  }
}
