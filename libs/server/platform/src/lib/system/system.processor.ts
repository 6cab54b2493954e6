import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobRouter, QueueName, SystemJob } from '@model-inventory/server-core';
import { HeartbeatService } from './heartbeat.service';

@Processor(QueueName.system)
export class SystemProcessor extends JobRouter<typeof QueueName.system> {
  protected readonly queueName = QueueName.system;
  protected readonly handlers: JobHandlers<typeof QueueName.system> = {
    [SystemJob.heartbeat]: () => this.heartbeats.beat(),
  };

  constructor(private readonly heartbeats: HeartbeatService) {
    super();
  }
}
