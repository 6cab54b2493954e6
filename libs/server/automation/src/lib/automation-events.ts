import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { PartRef, QueueName, Sql, sql, WriteStatement } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { DISPATCH_ENQUEUE_TIMEOUT_MS } from './automation.constants';
import { AutomationEventsRepository, OutboxRowInput } from './automation-events.repository';
import { dispatchEventJob } from './automation-jobs';
import { EventRegistry } from './event-registry';

/** A recorded event part: select `pendingColumn` in the statement's result, then hand the UUIDs to `dispatch`. */
export interface RecordedEvents {
  part: PartRef;
  /** An array of the UUIDs of the events that a webhook waits for (`{}` when none). */
  pendingColumn: Sql;
}

/**
 * The producer side of the outbox. `addTo` records events in the write's own statement, so a rollback sends
 * nothing; `dispatch`, called after commit, is only a fast path: the outbox sweep dispatches what it missed.
 */
@Injectable()
export class AutomationEvents {
  private readonly logger = new Logger(AutomationEvents.name);

  constructor(
    private readonly events: AutomationEventsRepository,
    private readonly registry: EventRegistry,
    @InjectQueue(QueueName.automation) private readonly queue: Queue,
  ) {}

  addTo(statement: WriteStatement, subject: PartRef, input: OutboxRowInput): RecordedEvents {
    if (!this.registry.has(input.event)) throw new Error(`event ${input.event} is not registered; its domain module registers it with EventRegistry`);
    const part = this.events.addInsert(statement, subject, input);
    return { part, pendingColumn: sql`(SELECT coalesce(array_agg(uuid::text) FILTER (WHERE pending), '{}') FROM ${part})` };
  }

  /** Never throws: the caller's change is already committed, and the sweep will catch up. */
  async dispatch(eventUuids: string[]): Promise<void> {
    if (eventUuids.length === 0) return;
    try {
      await withTimeout(this.queue.addBulk(eventUuids.map(dispatchEventJob)), DISPATCH_ENQUEUE_TIMEOUT_MS);
    } catch (error) {
      this.logger.warn(`could not enqueue events ${eventUuids.join(', ')}; the outbox sweep will dispatch them: ${(error as Error).message}`);
    }
  }
}

/** The queue client waits for a lost connection indefinitely; a request must not. */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
