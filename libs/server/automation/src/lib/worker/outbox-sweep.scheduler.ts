import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AutomationJob, OUTBOX_SWEEP_EVERY_MS, OUTBOX_SWEEP_SCHEDULER_ID, QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';

/** Upserting (not adding) keeps exactly one schedule however many workers start. */
@Injectable()
export class OutboxSweepScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxSweepScheduler.name);

  constructor(@InjectQueue(QueueName.automation) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      OUTBOX_SWEEP_SCHEDULER_ID,
      { every: OUTBOX_SWEEP_EVERY_MS },
      { name: AutomationJob.sweepOutbox, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    );
    this.logger.log(`outbox sweep scheduled every ${OUTBOX_SWEEP_EVERY_MS / 1000} s`);
  }
}
