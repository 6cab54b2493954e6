import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { OUTBOX_SWEEP_BATCH, OUTBOX_SWEEP_MIN_AGE_MS, WEBHOOK_RETRY_DELAY_MS } from '../automation.constants';
import { AutomationEventsRepository } from '../automation-events.repository';
import { deliverJob, dispatchEventJob } from '../automation-jobs';
import { WebhooksRepository } from '../webhooks.repository';

export interface DispatchResult {
  deliveries: number;
  skipped?: string;
}

/** Fans one outbox event out to a delivery job per subscribed webhook, and sweeps up missed events. */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);

  constructor(
    private readonly events: AutomationEventsRepository,
    private readonly webhooks: WebhooksRepository,
    @InjectQueue(QueueName.automation) private readonly queue: Queue,
    @Inject(WEBHOOK_RETRY_DELAY_MS) private readonly retryDelayMs: number,
  ) {}

  async dispatch(eventId: number): Promise<DispatchResult> {
    const event = await this.events.findById(eventId);
    // Absent: its transaction rolled back (or its organisation was deleted).
    if (!event) return this.skipped(eventId, 'no such event');
    if (event.dispatched_at) return this.skipped(eventId, 'already dispatched');
    const webhooks = await this.webhooks.findActiveSubscribers(event.organization_id, event.event);
    // Enqueue before marking: a crash in between re-dispatches, and the deterministic jobIds absorb it.
    await this.queue.addBulk(webhooks.map((webhook) => deliverJob(event.id, webhook.id, this.retryDelayMs)));
    await this.events.markDispatched(event.id);
    this.logger.log(`dispatch completed for event ${eventId}: ${webhooks.length} deliveries`);
    return { deliveries: webhooks.length };
  }

  async sweep(): Promise<{ enqueued: number }> {
    const ids = await this.events.findUndispatchedIds(OUTBOX_SWEEP_MIN_AGE_MS, OUTBOX_SWEEP_BATCH);
    if (ids.length > 0) {
      await this.queue.addBulk(ids.map(dispatchEventJob));
      this.logger.warn(`outbox sweep found ${ids.length} undispatched events: ${ids.join(', ')}`);
    }
    return { enqueued: ids.length };
  }

  private skipped(eventId: number, reason: string): DispatchResult {
    this.logger.log(`dispatch skipped for event ${eventId}: ${reason}`);
    return { deliveries: 0, skipped: reason };
  }
}
