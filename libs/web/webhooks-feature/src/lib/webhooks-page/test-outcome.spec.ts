import { aDelivery } from '@model-inventory/web-webhooks-data-access';
import { WebhookTestResponse } from '@model-inventory/contracts';
import { describeTestOutcome } from './test-outcome';

const test: WebhookTestResponse = { event: 'webhook_test', event_uuid: 'ping-1', queued_at: '2026-12-03T17:00:00Z', webhook_id: 1 };
const URL = 'https://crm.example.com/in';

describe(describeTestOutcome.name, () => {
  it('names the status code and time of a successful ping', () => {
    expect(describeTestOutcome(URL, { attempt: aDelivery({ duration_ms: 12, response_code: 204 }), state: 'logged', test })).toEqual({
      failed: false,
      text: 'Test delivery to https://crm.example.com/in succeeded: HTTP 204 in 12 ms.',
    });
  });

  it('says why a ping failed, with or without a response', () => {
    const refused = aDelivery({ error: 'HTTP 503 Service Unavailable', response_code: 503, status: 'failed' });
    expect(describeTestOutcome(URL, { attempt: refused, state: 'logged', test }).text).toContain('failed: HTTP 503 (HTTP 503 Service Unavailable)');
    const noAnswer = aDelivery({ error: 'ECONNREFUSED: connect ECONNREFUSED', response_code: null, status: 'failed' });
    expect(describeTestOutcome(URL, { attempt: noAnswer, state: 'logged', test })).toMatchObject({ failed: true, text: expect.stringContaining('failed: ECONNREFUSED') });
  });

  it('tells the Admin where to look when no attempt was made yet', () => {
    expect(describeTestOutcome(URL, { state: 'not-yet', test }).text).toContain('will appear in the delivery log');
  });
});
