import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';

export type NewWebhookDelivery = Omit<WebhookDeliveryEntity, 'id' | 'event' | 'delivered_at'>;

/** Callers check that the webhook belongs to the organisation before reading its deliveries. */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(WebhookDeliveryEntity);
  }

  async insert(row: NewWebhookDelivery): Promise<void> {
    await this.repository.insert(row);
  }

  /** Newest first, with the event name joined in (not its payload). */
  findPageByWebhook(webhookId: number, limit: number, offset: number): Promise<[WebhookDeliveryEntity[], number]> {
    return this.repository
      .createQueryBuilder('delivery')
      .leftJoin('delivery.event', 'event')
      .addSelect(['event.id', 'event.uuid', 'event.event'])
      .where('delivery.webhook_id = :webhookId', { webhookId })
      .orderBy('delivery.delivered_at', 'DESC')
      .addOrderBy('delivery.id', 'DESC')
      .limit(limit)
      .offset(offset)
      .getManyAndCount();
  }

  hasSucceeded(eventId: number, webhookId: number): Promise<boolean> {
    return this.repository.existsBy({ event_id: eventId, webhook_id: webhookId, status: 'succeeded' });
  }
}
