import { Processor } from '@nestjs/bullmq';
import { AutomationJob, JobHandlers, JobRouter, QueueName } from '@model-inventory/server-core';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { WebhookDeliverer } from './webhook-deliverer.service';

/** Deliveries spend most of their time waiting on receivers, so several run at once. */
const CONCURRENCY = 10;

@Processor(QueueName.automation, { concurrency: CONCURRENCY })
export class AutomationProcessor extends JobRouter<typeof QueueName.automation> {
  protected readonly queueName = QueueName.automation;
  protected readonly handlers: JobHandlers<typeof QueueName.automation> = {
    [AutomationJob.dispatchEvent]: (job) => this.dispatcher.dispatch(job.data.event_uuid),
    [AutomationJob.deliver]: (job) => this.deliverer.deliver(job.data, job.attemptsMade + 1),
    [AutomationJob.sweepOutbox]: () => this.dispatcher.sweep(),
  };

  constructor(
    private readonly deliverer: WebhookDeliverer,
    private readonly dispatcher: OutboxDispatcher,
  ) {
    super();
  }
}
