import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HEARTBEAT_EVERY_MS, HEARTBEAT_SCHEDULER_ID, HeartbeatJobData, QueueName, SystemJob } from '@model-inventory/server-core';
import { Queue } from 'bullmq';

/** Upserting (not adding) keeps exactly one schedule however many workers start. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(HeartbeatScheduler.name);

  constructor(@InjectQueue(QueueName.system) private readonly queue: Queue<HeartbeatJobData>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      HEARTBEAT_SCHEDULER_ID,
      { every: HEARTBEAT_EVERY_MS },
      { name: SystemJob.heartbeat, data: { requested_by: 'scheduler' }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    this.logger.log(`heartbeat scheduled every ${HEARTBEAT_EVERY_MS / 1000} s`);
  }
}
