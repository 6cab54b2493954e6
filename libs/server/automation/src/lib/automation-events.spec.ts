import { AutomationJob } from '@model-inventory/server-core';
import { Queue } from 'bullmq';
import { AutomationEvents } from './automation-events';
import { AutomationEventsRepository } from './automation-events.repository';
import { EventRegistry } from './event-registry';

describe(AutomationEvents.name, () => {
  let queue: { addBulk: jest.Mock };
  let sut: AutomationEvents;

  beforeEach(() => {
    queue = { addBulk: jest.fn().mockResolvedValue([]) };
    sut = new AutomationEvents({} as AutomationEventsRepository, new EventRegistry(), queue as unknown as Queue);
  });

  afterEach(() => jest.useRealTimers());

  it('enqueues one dispatch job per event, its jobId built from the event UUID', async () => {
    await sut.dispatch(['0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0003', '0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0004']);
    expect(queue.addBulk).toHaveBeenCalledWith([
      expect.objectContaining({ name: AutomationJob.dispatchEvent, data: { event_uuid: '0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0003' }, opts: expect.objectContaining({ jobId: 'event-0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0003' }) }),
      expect.objectContaining({ name: AutomationJob.dispatchEvent, data: { event_uuid: '0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0004' }, opts: expect.objectContaining({ jobId: 'event-0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0004' }) }),
    ]);
  });

  it('does not touch the queue for no events', async () => {
    await sut.dispatch([]);
    expect(queue.addBulk).not.toHaveBeenCalled();
  });

  it('swallows a queue failure: the change is committed and the sweep will dispatch', async () => {
    queue.addBulk.mockRejectedValue(new Error('connection refused'));
    await expect(sut.dispatch(['0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0003'])).resolves.toBeUndefined();
  });

  it('gives up waiting for a queue that does not answer', async () => {
    jest.useFakeTimers();
    queue.addBulk.mockReturnValue(new Promise(() => undefined));
    const dispatched = sut.dispatch(['0b9e0c1c-3c55-4cde-8a3e-5b1f9a6c0003']);
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(dispatched).resolves.toBeUndefined();
  });
});
