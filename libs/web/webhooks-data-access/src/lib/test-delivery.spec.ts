import { WebhookDeliveryResponse, WebhookTestResponse } from '@model-inventory/contracts';
import { lastValueFrom, of, toArray } from 'rxjs';
import { aDelivery } from './testing/webhook-fixtures';
import { untilLogged } from './test-delivery';

const TEST: WebhookTestResponse = { event: 'webhook_test', event_uuid: 'ping-1', queued_at: '2026-12-03T17:00:00Z', webhook_id: 1 };

describe(untilLogged.name, () => {
  it('reports the ping as queued, then its attempt once the log has it', async () => {
    const answers: WebhookDeliveryResponse[][] = [[], [], [aDelivery({ event: 'webhook_test', event_uuid: 'ping-1', response_code: 200 })]];
    let polls = 0;
    const outcomes = await lastValueFrom(untilLogged(of(TEST), () => of(answers[polls++]), 1, 10).pipe(toArray()));
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['queued', 'logged']);
    expect(outcomes[1]).toMatchObject({ attempt: { response_code: 200 } });
    expect(polls).toBe(3);
  });

  it('stops polling and says "not yet" when the worker has not tried within the window', async () => {
    let polls = 0;
    const outcomes = await lastValueFrom(untilLogged(of(TEST), () => (polls++, of([])), 1, 3).pipe(toArray()));
    expect(outcomes.map((outcome) => outcome.state)).toEqual(['queued', 'not-yet']);
    expect(polls).toBe(3);
  });
});
