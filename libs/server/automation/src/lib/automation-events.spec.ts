import { AutomationJob } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { AutomationEvents } from './automation-events';
import { AutomationEventsRepository } from './automation-events.repository';

describe(AutomationEvents.name, () => {
  let queue: { addBulk: jest.Mock };
  let sut: AutomationEvents;

  beforeEach(() => {
    queue = { addBulk: jest.fn().mockResolvedValue([]) };
    sut = new AutomationEvents({} as AutomationEventsRepository, queue as unknown as Queue);
  });

  afterEach(() => jest.useRealTimers());

  it('enqueues one dispatch job per event with a deterministic jobId', async () => {
    await sut.dispatch([3, 4]);
    expect(queue.addBulk).toHaveBeenCalledWith([
      expect.objectContaining({ name: AutomationJob.dispatchEvent, data: { event_id: 3 }, opts: expect.objectContaining({ jobId: 'event-3' }) }),
      expect.objectContaining({ name: AutomationJob.dispatchEvent, data: { event_id: 4 }, opts: expect.objectContaining({ jobId: 'event-4' }) }),
    ]);
  });

  it('does not touch the queue for no events', async () => {
    await sut.dispatch([]);
    expect(queue.addBulk).not.toHaveBeenCalled();
  });

  it('swallows a queue failure: the change is committed and the sweep will dispatch', async () => {
    queue.addBulk.mockRejectedValue(new Error('connection refused'));
    await expect(sut.dispatch([1])).resolves.toBeUndefined();
  });

  it('gives up waiting for a queue that does not answer', async () => {
    jest.useFakeTimers();
    queue.addBulk.mockReturnValue(new Promise(() => undefined));
    const dispatched = sut.dispatch([1]);
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(dispatched).resolves.toBeUndefined();
  });
});
