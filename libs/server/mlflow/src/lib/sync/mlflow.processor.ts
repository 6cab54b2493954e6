import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobRouter, MlflowJob, QueueName } from '@model-inventory/server-core';
import { MlflowJobsService } from './mlflow-jobs.service';
import { MlflowSyncService } from './mlflow-sync.service';

@Processor(QueueName.mlflow)
export class MlflowProcessor extends JobRouter<typeof QueueName.mlflow> {
  protected readonly queueName = QueueName.mlflow;
  protected readonly handlers: JobHandlers<typeof QueueName.mlflow> = {
    [MlflowJob.scheduledSync]: () => this.jobs.fanOut(),
    [MlflowJob.syncOrganization]: (job) => this.sync.syncOrganization(job.data.organization_id, (progress) => job.updateProgress(progress)),
  };

  constructor(
    private readonly jobs: MlflowJobsService,
    private readonly sync: MlflowSyncService,
  ) {
    super();
  }
}
