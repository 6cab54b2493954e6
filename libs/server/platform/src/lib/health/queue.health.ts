import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { APP_CONFIG, AppConfig, QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { queueBackendName } from '../queue/queue-connection';

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(QueueName.system) private readonly queue: Queue,
  ) {}

  async isHealthy(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('queue');
    const backend = queueBackendName(this.config);
    try {
      const counts = await withTimeout(this.queue.getJobCounts('waiting', 'active', 'failed'), TIMEOUT_MS);
      return indicator.up({ backend, ...counts });
    } catch (error) {
      return indicator.down({ backend, message: (error as Error).message });
    }
  }
}
