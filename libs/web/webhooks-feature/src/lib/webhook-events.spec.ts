import { AUTOMATION_EVENTS } from '@model-inventory/contracts';
import { eventLabel, eventsLabel, WEBHOOK_EVENTS } from './webhook-events';

describe('webhook events', () => {
  it('offers every event the API accepts, each with a readable name', () => {
    expect(WEBHOOK_EVENTS.map((event) => event.value)).toEqual([...AUTOMATION_EVENTS]);
    for (const { label, value } of WEBHOOK_EVENTS) expect(label).not.toBe(value);
  });

  it('names a webhook\'s events in one line', () => {
    expect(eventsLabel(['model_added', 'evidence_expired'])).toBe('Model added, Evidence expired');
    expect(eventLabel('model_deleted')).toBe('Model deleted');
  });
});
