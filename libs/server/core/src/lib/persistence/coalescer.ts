import { Actor, RequestContext } from '../context/request-context';

/** A request (a write, or a read) waiting in a `Coalescer`, settled by the flush that takes it. */
export interface Queued<I, O> {
  input: I;
  resolve(value: O): void;
  reject(error: unknown): void;
}

/** Carries out `queued` (all of one lane) and settles each; one it leaves unsettled gets the error the flush threw. */
export type FlushQueued<I, O> = (queued: Array<Queued<I, O>>) => Promise<void>;

interface Lane<I, O> {
  queue: Array<Queued<I, O>>;
  inFlight: number;
}

/**
 * Group commit for writes (or one query for reads) that arrive together. A write that finds fewer than `maxInFlight` flushes of its lane
 * running is flushed at once, alone: no timer, no added wait. The writes that arrive while they run queue up and
 * leave together (at most `maxBatch` per flush) as soon as one of them ends, so under load many writes share one
 * statement and one commit, and an idle system writes each on its own. Writes of different lanes (e.g. of
 * different actors) never share a flush.
 */
export class Coalescer<I, O> {
  private readonly lanes = new Map<string, Lane<I, O>>();

  constructor(
    private readonly flush: FlushQueued<I, O>,
    private readonly limits: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(lane: string, input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      let state = this.lanes.get(lane);
      if (!state) this.lanes.set(lane, (state = { queue: [], inFlight: 0 }));
      state.queue.push({ input, resolve, reject });
      this.drain(lane, state);
    });
  }

  private drain(key: string, lane: Lane<I, O>): void {
    while (lane.inFlight < this.limits.maxInFlight && lane.queue.length > 0) {
      const writes = lane.queue.splice(0, this.limits.maxBatch);
      lane.inFlight++;
      // A promise settles once: rejecting a write the flush already settled does nothing.
      Promise.resolve()
        .then(() => this.flush(writes))
        .catch((error: unknown) => writes.forEach((write) => write.reject(error)))
        .finally(() => {
          lane.inFlight--;
          if (lane.inFlight === 0 && lane.queue.length === 0) this.lanes.delete(key);
          else this.drain(key, lane);
        });
    }
  }
}

/**
 * A `Coalescer` with one lane per actor (organisation and user, or the system's name): each flush runs as the
 * one actor all its writes came from, so what it writes is attributed to them.
 */
export class ActorCoalescer<I, O> {
  private readonly coalescer: Coalescer<{ actor: Actor; input: I }, O>;

  constructor(flush: FlushQueued<I, O>, limits: { maxBatch: number; maxInFlight: number }) {
    this.coalescer = new Coalescer(
      (writes) => RequestContext.runAs(writes[0].input.actor, () => flush(writes.map(({ input, resolve, reject }) => ({ input: input.input, reject, resolve })))),
      limits,
    );
  }

  /** Queues `input` in the lane of the request's actor. */
  submit(input: I): Promise<O> {
    const actor = RequestContext.requireActor();
    return this.coalescer.submit(`${actor.organizationId}:${actor.userId ?? `system:${actor.name}`}`, { actor, input });
  }
}

/** Settles each of `writes` with the outcome of `write` on its own input, all at once: a failure is only its own. */
export async function settleEachAlone<I, O>(writes: Array<Queued<I, O>>, write: (input: I) => Promise<O>): Promise<void> {
  await Promise.all(writes.map((queued) => write(queued.input).then(queued.resolve, queued.reject)));
}
