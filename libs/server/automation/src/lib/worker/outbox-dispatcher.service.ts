import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { WEBHOOK_TEST_EVENT } from '@model-inventory/contracts';
import { APP_CONFIG, AppConfig, QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { OUTBOX_SWEEP_BATCH, WEBHOOK_RETRY_DELAY_MS } from '../automation.constants';
import { AutomationEventsRepository } from '../automation-events.repository';
import { deliverJob, dispatchEventJob } from '../automation-jobs';
import { WebhooksRepository } from '../webhooks.repository';
import { AutomationEventEntity } from '../entities/automation-event.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { testedWebhookId } from '../webhook-test-event';

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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dispatch(eventUuid: string): Promise<DispatchResult> {
    const event = await this.events.findByUuid(eventUuid);
    // Absent: its transaction rolled back (or its organisation was deleted).
    if (!event) return this.skipped(eventUuid, 'no such event');
    if (event.dispatched_at) return this.skipped(eventUuid, 'already dispatched');
    const webhooks = event.event === WEBHOOK_TEST_EVENT ? await this.testedWebhook(event) : await this.webhooks.findActiveSubscribers(event.organization_id, event.event);
    // Enqueue before marking: a crash in between re-dispatches, and the deterministic jobIds absorb it.
    await this.queue.addBulk(webhooks.map((webhook) => deliverJob(event.uuid, webhook.id, this.retryDelayMs)));
    await this.events.markDispatched(event.id);
    this.logger.log(`dispatch completed for event ${eventUuid}: ${webhooks.length} deliveries`);
    return { deliveries: webhooks.length };
  }

  async sweep(): Promise<{ enqueued: number }> {
    // A younger undispatched event is most likely still being dispatched by its producer.
    const uuids = await this.events.findUndispatchedUuids(this.config.outboxSweep.minAgeMs, OUTBOX_SWEEP_BATCH);
    if (uuids.length > 0) {
      await this.queue.addBulk(uuids.map(dispatchEventJob));
      this.logger.warn(`outbox sweep found ${uuids.length} undispatched events: ${uuids.join(', ')}`);
    }
    return { enqueued: uuids.length };
  }

  /** A test ping goes to the one webhook it was sent for, active or not, subscribed or not. */
  private async testedWebhook(event: AutomationEventEntity): Promise<WebhookEntity[]> {
    const webhook = await this.webhooks.findInOrganization(testedWebhookId(event), event.organization_id);
    return webhook ? [webhook] : [];
  }

  private skipped(eventUuid: string, reason: string): DispatchResult {
    this.logger.log(`dispatch skipped for event ${eventUuid}: ${reason}`);
    return { deliveries: 0, skipped: reason };
  }
}
