import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { HeartbeatJobData, HeartbeatJobResult, QueueName, SystemJob } from '@model-inventory/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { HeartbeatService } from './heartbeat.service';

@Processor(QueueName.system)
export class SystemProcessor extends WorkerHost {
  private readonly logger = new Logger(SystemProcessor.name);

  constructor(private readonly heartbeats: HeartbeatService) {
    super();
  }

  async process(job: Job<HeartbeatJobData>): Promise<HeartbeatJobResult> {
    switch (job.name) {
      case SystemJob.heartbeat: {
        const result = await this.heartbeats.beat();
        this.logger.debug(`heartbeat completed for ${job.data.requested_by}`);
        return result;
      }
      default:
        throw new UnrecoverableError(`Unknown job ${job.name} on queue ${QueueName.system}`);
    }
  }
}
