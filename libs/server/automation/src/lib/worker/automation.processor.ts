import { Processor, WorkerHost } from '@nestjs/bullmq';
import { AutomationJob, DeliverJobData, DispatchEventJobData, QueueName } from '@model-inventory/server-core';
import { Job, UnrecoverableError } from 'bullmq';
import { OutboxDispatcher } from './outbox-dispatcher.service';
import { WebhookDeliverer } from './webhook-deliverer.service';

type AutomationJobOf =
  | Job<DispatchEventJobData, unknown, typeof AutomationJob.dispatchEvent>
  | Job<DeliverJobData, unknown, typeof AutomationJob.deliver>
  | Job<Record<string, never>, unknown, typeof AutomationJob.sweepOutbox>;

/** Deliveries spend most of their time waiting on receivers, so several run at once. */
const CONCURRENCY = 10;

@Processor(QueueName.automation, { concurrency: CONCURRENCY })
export class AutomationProcessor extends WorkerHost {
  constructor(
    private readonly deliverer: WebhookDeliverer,
    private readonly dispatcher: OutboxDispatcher,
  ) {
    super();
  }

  process(job: AutomationJobOf): Promise<unknown> {
    switch (job.name) {
      case AutomationJob.dispatchEvent:
        return this.dispatcher.dispatch(job.data.event_uuid);
      case AutomationJob.deliver:
        return this.deliverer.deliver(job.data, job.attemptsMade + 1);
      case AutomationJob.sweepOutbox:
        return this.dispatcher.sweep();
      default:
        throw new UnrecoverableError(`Unknown job ${(job as Job).name} on queue ${QueueName.automation}`);
    }
  }
}
