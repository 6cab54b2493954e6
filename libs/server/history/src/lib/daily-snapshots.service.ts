import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { HistoryJob, QueueName, SnapshotOrganizationJobData } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { SnapshotRecorder } from './snapshot.recorder';
import { SnapshotsRepository } from './snapshots.repository';

const DAY_S = 86_400;
const ENQUEUE_BATCH = 500;

/** Per-organisation jobs: kept two days, so a retried fan-out finds the jobs it already enqueued. */
const SNAPSHOT_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 10_000 },
  removeOnComplete: { age: 2 * DAY_S },
  removeOnFail: { age: 7 * DAY_S },
};

/** The daily snapshot run of the worker. Gets organisations explicitly: jobs have no HTTP actor. */
@Injectable()
export class DailySnapshotsService {
  private readonly logger = new Logger(DailySnapshotsService.name);

  constructor(
    @InjectQueue(QueueName.history) private readonly queue: Queue<SnapshotOrganizationJobData>,
    private readonly recorder: SnapshotRecorder,
    private readonly snapshots: SnapshotsRepository,
  ) {}

  /**
   * Enqueues one snapshot job per organisation; returns how many. Job ids combine the fan-out job's own id
   * (unique per scheduled run in this Redis, the same on its retries) with the organisation id: organisation
   * ids start again in a recreated database, and must not collide with the jobs of an earlier one.
   */
  async fanOut(runId: string): Promise<number> {
    const ids = await this.snapshots.findOrganizationIds();
    for (let start = 0; start < ids.length; start += ENQUEUE_BATCH) {
      await this.queue.addBulk(
        ids.slice(start, start + ENQUEUE_BATCH).map((id) => ({
          name: HistoryJob.snapshotOrganization,
          data: { organization_id: id },
          opts: { ...SNAPSHOT_JOB_OPTIONS, jobId: `snapshot-${runId}-org-${id}` },
        })),
      );
    }
    this.logger.log(`daily snapshots enqueued for ${ids.length} organisations (run ${runId})`);
    return ids.length;
  }

  async snapshotOrganization(organizationId: number): Promise<void> {
    if (!(await this.snapshots.organizationExists(organizationId))) {
      this.logger.log(`daily snapshot skipped for organisation ${organizationId}: it no longer exists`);
      return;
    }
    await this.recorder.snapshotNow(organizationId, 'daily');
    this.logger.debug(`daily snapshot completed for organisation ${organizationId}`);
  }
}
