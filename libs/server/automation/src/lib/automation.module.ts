import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AutomationEvents } from './automation-events';
import { AutomationEventsRepository } from './automation-events.repository';
import { DEFAULT_WEBHOOK_RETRY_DELAY_MS, WEBHOOK_RETRY_DELAY_MS } from './automation.constants';
import { AutomationEventEntity } from './entities/automation-event.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { AutomationProcessor } from './worker/automation.processor';
import { OutboxDispatcher } from './worker/outbox-dispatcher.service';
import { OutboxSweepScheduler } from './worker/outbox-sweep.scheduler';
import { WebhookDeliverer } from './worker/webhook-deliverer.service';
import { WebhookSender } from './worker/webhook-sender';

const entities = TypeOrmModule.forFeature([AutomationEventEntity, WebhookDeliveryEntity, WebhookEntity]);

/** API side: the webhooks API, and AutomationEvents for the services that change models. Enqueues only. */
@Module({
  controllers: [WebhooksController],
  exports: [AutomationEvents],
  imports: [entities],
  providers: [AutomationEvents, AutomationEventsRepository, WebhookDeliveriesRepository, WebhooksRepository, WebhooksService],
})
export class AutomationModule {}

/** Worker side: dispatches outbox events, delivers webhooks, keeps the outbox sweep scheduled. */
@Module({
  exports: [AutomationEvents],
  imports: [entities],
  providers: [
    AutomationEvents,
    AutomationEventsRepository,
    AutomationProcessor,
    OutboxDispatcher,
    OutboxSweepScheduler,
    WebhookDeliverer,
    WebhookDeliveriesRepository,
    WebhookSender,
    WebhooksRepository,
    { provide: WEBHOOK_RETRY_DELAY_MS, useValue: DEFAULT_WEBHOOK_RETRY_DELAY_MS },
  ],
})
export class AutomationWorkerModule {}
