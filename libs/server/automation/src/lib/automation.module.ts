import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLogModule } from '@model-inventory/server-audit-log';
import { AutomationJob, jobSchedule, JobSchedulesModule, OutboundHttp, OUTBOX_SWEEP_SCHEDULER_ID, QueueName, SecretBox } from '@model-inventory/server-core';
import { AutomationEvents } from './automation-events';
import { AutomationEventsRepository } from './automation-events.repository';
import { DEFAULT_WEBHOOK_RETRY_DELAY_MS, WEBHOOK_RETRY_DELAY_MS } from './automation.constants';
import { AutomationEventEntity } from './entities/automation-event.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { EventRegistry } from './event-registry';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhooksController } from './webhooks.controller';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksService } from './webhooks.service';
import { AutomationProcessor } from './worker/automation.processor';
import { OutboxDispatcher } from './worker/outbox-dispatcher.service';
import { WebhookDeliverer } from './worker/webhook-deliverer.service';
import { WebhookSender } from './worker/webhook-sender';
import { WebhookSecrets } from './webhook-secrets';

const entities = TypeOrmModule.forFeature([AutomationEventEntity, WebhookDeliveryEntity, WebhookEntity]);

/**
 * The outbox producer and the event registry, shared by the API and the worker: one instance per process,
 * whichever modules import it.
 */
@Module({
  exports: [AutomationEvents, AutomationEventsRepository, EventRegistry],
  imports: [entities],
  providers: [AutomationEvents, AutomationEventsRepository, EventRegistry],
})
export class AutomationCoreModule {}

/** API side: the webhooks API; enqueues only. */
@Module({
  controllers: [WebhooksController],
  exports: [AutomationCoreModule],
  imports: [AuditLogModule, AutomationCoreModule, entities],
  providers: [OutboundHttp, SecretBox, WebhookDeliveriesRepository, WebhookSecrets, WebhooksRepository, WebhooksService],
})
export class AutomationModule {}

/** Worker side: dispatches outbox events, delivers webhooks, keeps the outbox sweep scheduled. */
@Module({
  exports: [AutomationCoreModule],
  imports: [
    AutomationCoreModule,
    entities,
    JobSchedulesModule.register([
      jobSchedule({
        queue: QueueName.automation,
        id: OUTBOX_SWEEP_SCHEDULER_ID,
        repeat: (config) => ({ every: config.outboxSweep.everyMs }),
        job: { name: AutomationJob.sweepOutbox, data: {}, opts: { removeOnComplete: 10, removeOnFail: 50 } },
        describe: (config) => `every ${config.outboxSweep.everyMs / 1000} s`,
      }),
    ]),
  ],
  providers: [
    AutomationProcessor,
    OutboundHttp,
    OutboxDispatcher,
    SecretBox,
    WebhookDeliverer,
    WebhookSecrets,
    WebhookDeliveriesRepository,
    WebhookSender,
    WebhooksRepository,
    { provide: WEBHOOK_RETRY_DELAY_MS, useValue: DEFAULT_WEBHOOK_RETRY_DELAY_MS },
  ],
})
export class AutomationWorkerModule {}
