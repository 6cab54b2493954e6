import { Injectable, Logger } from '@nestjs/common';
import { WEBHOOK_TEST_EVENT, WebhookPayload } from '@model-inventory/contracts';
import { DeliverJobData } from '@model-inventory/server-core';
import { UnrecoverableError } from 'bullmq';
import { AutomationEventsRepository } from '../automation-events.repository';
import { EventRegistry } from '../event-registry';
import { WebhookDeliveriesRepository } from '../webhook-deliveries.repository';
import { WebhooksRepository } from '../webhooks.repository';
import { classifyAttempt, truncateError } from './delivery-outcome';
import { buildWebhookRequest } from './webhook-request';
import { WebhookSender } from './webhook-sender';
import { WebhookSecrets } from '../webhook-secrets';
import { AutomationEventEntity } from '../entities/automation-event.entity';
import { WebhookEntity } from '../entities/webhook.entity';
import { testedWebhookId } from '../webhook-test-event';

/** A test ping is wanted by the webhook it names; any other event by an active subscriber. */
function isStillWanted(event: AutomationEventEntity, webhook: WebhookEntity): boolean {
  if (event.event === WEBHOOK_TEST_EVENT) return testedWebhookId(event) === webhook.id;
  return webhook.active && webhook.events.includes(event.event);
}

export interface DeliverResult {
  status: number | null;
  skipped?: string;
}

/** One attempt at one webhook for one event; failures are thrown for BullMQ to retry or give up. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly events: AutomationEventsRepository,
    private readonly registry: EventRegistry,
    private readonly sender: WebhookSender,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
  ) {}

  async deliver({ event_uuid, webhook_id }: DeliverJobData, attempt: number): Promise<DeliverResult> {
    const label = `event ${event_uuid} to webhook ${webhook_id}`;
    const event = await this.events.findByUuid(event_uuid);
    if (!event) return this.skipped(label, 'the event no longer exists');
    const webhook = await this.webhooks.findInOrganization(webhook_id, event.organization_id);
    if (!webhook || !isStillWanted(event, webhook)) return this.skipped(label, 'the webhook was deleted, deactivated or unsubscribed');
    if (await this.deliveries.hasSucceeded(event.id, webhook_id)) return this.skipped(label, 'already delivered');

    const data = event.event === WEBHOOK_TEST_EVENT ? (event.payload as WebhookPayload['data']) : this.registry.present(event.event, event.payload);
    const result = await this.sender.post(webhook.url, buildWebhookRequest(event, data, this.secrets.open(webhook)));
    const outcome = classifyAttempt(result);
    await this.deliveries.insert({
      webhook_id,
      event_id: event.id,
      attempt,
      status: outcome === 'succeeded' ? 'succeeded' : 'failed',
      response_code: result.status,
      error: truncateError(result.error),
      duration_ms: result.durationMs,
    });
    if (outcome === 'reject') throw new UnrecoverableError(`delivery of ${label} rejected: ${result.error}`);
    if (outcome === 'retry') throw new Error(`delivery of ${label} failed (attempt ${attempt}): ${result.error}`);
    this.logger.log(`delivery completed for ${label} (attempt ${attempt}, HTTP ${result.status})`);
    return { status: result.status };
  }

  private skipped(label: string, reason: string): DeliverResult {
    this.logger.log(`delivery skipped for ${label}: ${reason}`);
    return { status: null, skipped: reason };
  }
}
