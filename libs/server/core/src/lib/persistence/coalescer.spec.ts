import { Role } from '@model-inventory/contracts';
import { Actor, RequestContext } from '../context/request-context';
import { ActorCoalescer, Queued, Coalescer } from './coalescer';

/** A flush the test ends by hand: each call is recorded with its inputs and a `finish` that settles them. */
function controlledFlush() {
  const calls: Array<{ inputs: string[]; finish: (fail?: Error) => void }> = [];
  const flush = (writes: Array<Queued<string, string>>) =>
    new Promise<void>((done, failed) => {
      calls.push({
        inputs: writes.map((write) => write.input),
        finish: (fail) => {
          if (fail) return failed(fail);
          writes.forEach((write) => write.resolve(`written ${write.input}`));
          done();
        },
      });
    });
  return { calls, flush };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(Coalescer.name, () => {
  it('flushes a lone write at once, alone', async () => {
    const { calls, flush } = controlledFlush();
    const coalescer = new Coalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const written = coalescer.submit('ann', 'a');
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a']]);
    calls[0].finish();
    await expect(written).resolves.toBe('written a');
  });

  it('sends the writes that arrive during a flush together when it ends', async () => {
    const { calls, flush } = controlledFlush();
    const coalescer = new Coalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const written = ['a', 'b', 'c', 'd'].map((input) => coalescer.submit('ann', input));
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a']]);
    calls[0].finish();
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1].finish();
    await expect(Promise.all(written)).resolves.toEqual(['written a', 'written b', 'written c', 'written d']);
  });

  it('runs at most maxInFlight flushes of a lane, each with at most maxBatch writes', async () => {
    const { calls, flush } = controlledFlush();
    const coalescer = new Coalescer(flush, { maxBatch: 2, maxInFlight: 2 });
    const written = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((input) => coalescer.submit('ann', input));
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a'], ['b']]);
    calls[1].finish();
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a'], ['b'], ['c', 'd']]);
    calls[0].finish();
    calls[2].finish();
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a'], ['b'], ['c', 'd'], ['e', 'f'], ['g']]);
    calls[3].finish();
    calls[4].finish();
    await expect(Promise.all(written)).resolves.toHaveLength(7);
  });

  it('never puts writes of different lanes into one flush', async () => {
    const { calls, flush } = controlledFlush();
    const coalescer = new Coalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const written = [coalescer.submit('ann', 'a1'), coalescer.submit('bob', 'b1'), coalescer.submit('ann', 'a2'), coalescer.submit('bob', 'b2')];
    await settle();
    expect(calls.map((call) => call.inputs)).toEqual([['a1'], ['b1']]);
    calls[0].finish();
    calls[1].finish();
    await settle();
    expect(calls.map((call) => call.inputs).slice(2)).toEqual([['a2'], ['b2']]);
    calls[2].finish();
    calls[3].finish();
    await expect(Promise.all(written)).resolves.toEqual(['written a1', 'written b1', 'written a2', 'written b2']);
  });

  it('rejects the writes of a failed flush with its error, and goes on with the next ones', async () => {
    const { calls, flush } = controlledFlush();
    const coalescer = new Coalescer(flush, { maxBatch: 10, maxInFlight: 1 });
    const first = coalescer.submit('ann', 'a');
    const queued = [coalescer.submit('ann', 'b'), coalescer.submit('ann', 'c')];
    await settle();
    calls[0].finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(calls[1].inputs).toEqual(['b', 'c']);
    calls[1].finish();
    await expect(Promise.all(queued)).resolves.toEqual(['written b', 'written c']);
  });
});

describe(ActorCoalescer.name, () => {
  const actor = (userId: number | null, name: string): Actor => ({ organizationId: 1, role: Role.Editor, userId, name, email: null });

  it('flushes each actor’s writes apart, running every flush as the actor its writes came from', async () => {
    const flushes: Array<{ as: string | undefined; inputs: string[] }> = [];
    const coalescer = new ActorCoalescer<string, string>(
      async (writes) => {
        flushes.push({ as: RequestContext.actor()?.name, inputs: writes.map((write) => write.input) });
        await new Promise((resolve) => setImmediate(resolve));
        writes.forEach((write) => write.resolve(`${write.input} by ${RequestContext.requireActor().name}`));
      },
      { maxBatch: 10, maxInFlight: 1 },
    );
    const as = (who: Actor, input: string) => RequestContext.runAs(who, () => coalescer.submit(input));
    const [ann, bob, sync] = [actor(7, 'Ann'), actor(8, 'Bob'), actor(null, 'MLflow sync')];

    const written = await Promise.all([as(ann, 'a1'), as(bob, 'b1'), as(ann, 'a2'), as(sync, 's1'), as(bob, 'b2'), as(ann, 'a3')]);

    expect(written).toEqual(['a1 by Ann', 'b1 by Bob', 'a2 by Ann', 's1 by MLflow sync', 'b2 by Bob', 'a3 by Ann']);
    expect(flushes).toEqual([
      { as: 'Ann', inputs: ['a1'] },
      { as: 'Bob', inputs: ['b1'] },
      { as: 'MLflow sync', inputs: ['s1'] },
      { as: 'Ann', inputs: ['a2', 'a3'] },
      { as: 'Bob', inputs: ['b2'] },
    ]);
  });
});
