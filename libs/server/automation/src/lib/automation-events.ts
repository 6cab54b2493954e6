import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { AutomationEvent, WebhookPayload } from '@model-inventory/contracts';
import { ComposedStatement, QueueName } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { DISPATCH_ENQUEUE_TIMEOUT_MS } from './automation.constants';
import { AutomationEventsRepository } from './automation-events.repository';
import { dispatchEventJob } from './automation-jobs';

export interface RecordAutomationEvent {
  organizationId: number;
  event: AutomationEvent;
  data: WebhookPayload['data'];
}

export interface RecordedEventColumns {
  /** The select list that returns the event; its row goes to `read` (null when the subject wrote nothing). */
  columns: string;
  read(row: Record<string, unknown>): RecordedAutomationEvent | null;
}

export interface RecordedAutomationEvent {
  id: number;
  uuid: string;
  /** False when no webhook subscribes: the event is stored as dispatched and needs no job. */
  pending: boolean;
}

/**
 * The producer side of the outbox. `record` writes the event in the caller's transaction, so a
 * rollback sends nothing; `dispatch`, called after commit, is only a fast path: the outbox sweep
 * dispatches whatever it missed.
 */
@Injectable()
export class AutomationEvents {
  private readonly logger = new Logger(AutomationEvents.name);

  constructor(
    private readonly events: AutomationEventsRepository,
    @InjectQueue(QueueName.automation) private readonly queue: Queue,
  ) {}

  /**
   * Adds the outbox row to the write's `statement`, so a rollback sends nothing. Select `columns` in the
   * statement's result and pass its row to `read`; hand pending ids to `dispatch` once it has committed.
   */
  addTo(statement: ComposedStatement, subject: string, { organizationId, event, data }: RecordAutomationEvent): RecordedEventColumns {
    const columns = this.events.addInsert(statement, subject, { organization_id: organizationId, event, payload: data });
    return {
      columns,
      read: ({ event_id: id, event_uuid: uuid, event_pending: pending }) =>
        id === null || id === undefined ? null : { id: Number(id), uuid: String(uuid), pending: pending === true },
    };
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
