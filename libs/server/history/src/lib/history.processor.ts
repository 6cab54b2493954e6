import { Processor } from '@nestjs/bullmq';
import { HistoryJob, JobHandlers, JobRouter, QueueName } from '@model-inventory/server-core';
import { DailySnapshotsService } from './daily-snapshots.service';

@Processor(QueueName.history)
export class HistoryProcessor extends JobRouter<typeof QueueName.history> {
  protected readonly queueName = QueueName.history;
  protected readonly handlers: JobHandlers<typeof QueueName.history> = {
    [HistoryJob.dailySnapshots]: (job) => this.daily.fanOut(job.id ?? `${job.name}-${job.timestamp}`),
    [HistoryJob.snapshotOrganization]: (job) => this.daily.snapshotOrganization(job.data.organization_id),
  };

  constructor(private readonly daily: DailySnapshotsService) {
    super();
  }
}
