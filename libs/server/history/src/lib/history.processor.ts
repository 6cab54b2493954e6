import { Processor, WorkerHost } from '@nestjs/bullmq';
import { HistoryJob, QueueName, SnapshotOrganizationJobData } from '@model-inventory/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { DailySnapshotsService } from './daily-snapshots.service';

@Processor(QueueName.history)
export class HistoryProcessor extends WorkerHost {
  constructor(private readonly daily: DailySnapshotsService) {
    super();
  }

  async process(job: Job<SnapshotOrganizationJobData | Record<string, never>>): Promise<void> {
    switch (job.name) {
      case HistoryJob.dailySnapshots:
        await this.daily.fanOut(job.id ?? `${job.name}-${job.timestamp}`);
        return;
      case HistoryJob.snapshotOrganization:
        return this.daily.snapshotOrganization((job.data as SnapshotOrganizationJobData).organization_id);
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QueueName.history}`);
    }
  }
}
