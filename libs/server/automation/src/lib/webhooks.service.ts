import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Page, WEBHOOK_TEST_EVENT, WebhookDeliveryResponse, WebhookResponse, WebhookTestResponse } from '@model-inventory/contracts';
import { AuditLog } from '@model-inventory/server-audit-log';
import { OutboundHttp, PageQueryDto, ValidationFailedError } from '@model-inventory/server-core';
import { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { normaliseEvents, toWebhookDeliveryResponse, toWebhookResponse } from './webhooks.mapper';
import { WebhooksRepository } from './webhooks.repository';
import { WebhookSecrets } from './webhook-secrets';
import { AutomationEvents } from './automation-events';
import { AutomationEventsRepository } from './automation-events.repository';
import { testPingData } from './webhook-test-event';

@Injectable()
export class WebhooksService implements OnApplicationBootstrap {
  constructor(
    private readonly audit: AuditLog,
    private readonly automationEvents: AutomationEvents,
    private readonly outbox: AutomationEventsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly outbound: OutboundHttp,
    private readonly webhooks: WebhooksRepository,
    private readonly secrets: WebhookSecrets,
  ) {}

  /** Secrets stored in clear by an earlier version are sealed as soon as the API starts. */
  async onApplicationBootstrap(): Promise<void> {
    await this.secrets.sealLegacy();
  }

  async list({ limit, offset }: PageQueryDto): Promise<Page<WebhookResponse>> {
    const [rows, total] = await this.webhooks.findPage(limit, offset);
    return { items: rows.map(toWebhookResponse), total, limit, offset };
  }

  async get(id: number): Promise<WebhookResponse> {
    return toWebhookResponse(await this.webhooks.getById(id));
  }

  async create(dto: CreateWebhookDto): Promise<WebhookResponse> {
    this.assertCallable(dto.url);
    const sealed = this.secrets.seal(dto.secret);
    const webhook = await this.webhooks.save(this.webhooks.build({ url: dto.url, events: normaliseEvents(dto.events), ...sealed, active: dto.active ?? true }));
    await this.audit.record('webhook.created', { target: { type: 'webhook', id: webhook.id }, details: { url: webhook.url, events: webhook.events } });
    return toWebhookResponse(webhook);
  }

  async update(id: number, dto: UpdateWebhookDto): Promise<WebhookResponse> {
    const webhook = await this.webhooks.getById(id);
    if (dto.url !== undefined) {
      this.assertCallable(dto.url);
      webhook.url = dto.url;
    }
    if (dto.events !== undefined) webhook.events = normaliseEvents(dto.events);
    if (dto.secret !== undefined) Object.assign(webhook, this.secrets.seal(dto.secret));
    if (dto.active !== undefined) webhook.active = dto.active;
    const saved = await this.webhooks.save(webhook);
    const changed = Object.keys(dto).filter((key) => dto[key as keyof UpdateWebhookDto] !== undefined);
    await this.audit.record('webhook.changed', { target: { type: 'webhook', id }, details: { url: saved.url, events: saved.events, active: saved.active, changed } });
    return toWebhookResponse(saved);
  }

  async remove(id: number): Promise<void> {
    const webhook = await this.webhooks.getById(id);
    await this.webhooks.delete(id);
    await this.audit.record('webhook.removed', { target: { type: 'webhook', id }, details: { url: webhook.url } });
  }

  /**
   * Queues a signed `webhook_test` ping to this webhook (active or not) through the outbox, so it is delivered,
   * retried, logged and guarded exactly like an event.
   */
  async sendTest(id: number): Promise<WebhookTestResponse> {
    const webhook = await this.webhooks.getById(id);
    const event = await this.outbox.addTestEvent(webhook.organization_id, testPingData(webhook));
    await this.audit.record('webhook.tested', { target: { type: 'webhook', id }, details: { url: webhook.url, event_uuid: event.uuid } });
    await this.automationEvents.dispatch([event.uuid]);
    return { webhook_id: id, event: WEBHOOK_TEST_EVENT, event_uuid: event.uuid, queued_at: event.occurred_at.toISOString() };
  }

  /** A literal address the server would refuse to call is refused now; a host name is judged at each delivery. */
  private assertCallable(url: string): void {
    const refusal = this.outbound.refusalOfUrl(url);
    if (refusal) throw ValidationFailedError.forField('url', `url must not point at ${refusal.replace(/^(\S+) is /, '$1, ')}`);
  }

  async listDeliveries(id: number, { limit, offset }: PageQueryDto): Promise<Page<WebhookDeliveryResponse>> {
    await this.webhooks.getById(id);
    const [rows, total] = await this.deliveries.findPageByWebhook(id, limit, offset);
    return { items: rows.map(toWebhookDeliveryResponse), total, limit, offset };
  }
}
