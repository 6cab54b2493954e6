import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DAILY_SNAPSHOT_CRON, DAILY_SNAPSHOT_SCHEDULER_ID, HistoryJob, QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';

/** Upserting (not adding) keeps exactly one schedule however many workers start. */
@Injectable()
export class HistoryScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger(HistoryScheduler.name);

  constructor(@InjectQueue(QueueName.history) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      DAILY_SNAPSHOT_SCHEDULER_ID,
      { pattern: DAILY_SNAPSHOT_CRON, tz: 'UTC' },
      { name: HistoryJob.dailySnapshots, data: {}, opts: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: 30, removeOnFail: 100 } },
    );
    this.logger.log(`daily snapshots scheduled (${DAILY_SNAPSHOT_CRON} UTC)`);
  }
}
