import { TestDeliveryOutcome } from '@model-inventory/web-webhooks-data-access';

/** The status line for a test delivery: what happened, in the words an Admin checking a receiver needs. */
export function describeTestOutcome(url: string, outcome: TestDeliveryOutcome): { text: string; failed: boolean } {
  switch (outcome.state) {
    case 'queued':
      return { failed: false, text: `Test delivery to ${url} queued; waiting for the first attempt…` };
    case 'not-yet':
      return { failed: false, text: `Test delivery to ${url} has not been attempted yet. Its attempts will appear in the delivery log.` };
    case 'logged': {
      const { attempt } = outcome;
      const answer = attempt.response_code === null ? (attempt.error ?? 'no response') : `HTTP ${attempt.response_code}`;
      if (attempt.status === 'succeeded') return { failed: false, text: `Test delivery to ${url} succeeded: ${answer} in ${attempt.duration_ms} ms.` };
      return { failed: true, text: `Test delivery to ${url} failed: ${answer}${attempt.error && attempt.response_code !== null ? ` (${attempt.error})` : ''}. Retries, if any, appear in the delivery log.` };
    }
  }
}
