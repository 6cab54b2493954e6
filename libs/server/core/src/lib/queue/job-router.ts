import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { JobPayloads, QueueJobs, QueueName } from './queues';

/** A job of one name, with that name's payload. */
export type TypedJob<N extends keyof JobPayloads> = Job<JobPayloads[N], unknown, N>;

/** One handler per job of the queue; the compiler checks that none is missing and that payloads match. */
export type JobHandlers<Q extends QueueName> = { [N in QueueJobs[Q]]: (job: TypedJob<N>) => Promise<unknown> };

/**
 * The base of every processor: it routes each job to the handler of its name and keeps nothing else, so
 * processors stay thin (the work lives in services).
 */
export abstract class JobRouter<Q extends QueueName> extends WorkerHost {
  protected abstract readonly queueName: Q;
  protected abstract readonly handlers: JobHandlers<Q>;

  process(job: Job): Promise<unknown> {
    const handler = (this.handlers as unknown as Record<string, ((job: Job) => Promise<unknown>) | undefined>)[job.name];
    if (!handler) throw new UnrecoverableError(`Unknown job ${job.name} on queue ${this.queueName}`);
    return handler(job);
  }
}
