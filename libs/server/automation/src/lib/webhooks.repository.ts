import { Injectable } from '@nestjs/common';
import { AutomationEvent } from '@model-inventory/contracts';
import { TenantRepository } from '@model-inventory/server-core';
import { DataSource } from 'typeorm';
import { WebhookEntity } from './entities/webhook.entity';

@Injectable()
export class WebhooksRepository extends TenantRepository<WebhookEntity> {
  constructor(dataSource: DataSource) {
    super(dataSource, WebhookEntity, 'Webhook');
  }

  findPage(limit: number, offset: number): Promise<[WebhookEntity[], number]> {
    return this.scoped('webhook').orderBy('webhook.id', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  // The worker has no actor: the methods below take the organisation from the event instead of the request.

  findActiveSubscribers(organizationId: number, event: AutomationEvent): Promise<WebhookEntity[]> {
    return this.repository()
      .createQueryBuilder('webhook')
      .where('webhook.organization_id = :organizationId', { organizationId })
      .andWhere('webhook.active')
      .andWhere(':event = ANY(webhook.events)', { event })
      .orderBy('webhook.id', 'ASC')
      .getMany();
  }

  findInOrganization(id: number, organizationId: number): Promise<WebhookEntity | null> {
    return this.repository().findOneBy({ id, organization_id: organizationId });
  }
}
