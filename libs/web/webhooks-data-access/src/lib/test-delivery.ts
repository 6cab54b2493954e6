import { WebhookDeliveryResponse, WebhookTestResponse } from '@model-inventory/contracts';
import { concat, first, map, Observable, of, switchMap, timer } from 'rxjs';

export const TEST_POLL_INTERVAL_MS = 1_000;
export const TEST_POLL_LIMIT = 15;

/** Where a test delivery is: queued; its newest attempt in the log; or not tried yet when polling stopped. */
export type TestDeliveryOutcome =
  | { state: 'queued'; test: WebhookTestResponse }
  | { state: 'logged'; test: WebhookTestResponse; attempt: WebhookDeliveryResponse }
  | { state: 'not-yet'; test: WebhookTestResponse };

/** Sends, then polls `attemptsOf` (newest first) until the ping has an attempt, at most `polls` times. */
export function untilLogged(
  send: Observable<WebhookTestResponse>,
  attemptsOf: (test: WebhookTestResponse) => Observable<WebhookDeliveryResponse[]>,
  intervalMs: number,
  polls: number,
): Observable<TestDeliveryOutcome> {
  return send.pipe(
    switchMap((test) => {
      const poll = timer(intervalMs, intervalMs).pipe(
        switchMap((tick) => attemptsOf(test).pipe(map((attempts) => ({ attempts, last: tick + 1 >= polls })))),
        first(({ attempts, last }) => attempts.length > 0 || last),
        map(({ attempts }): TestDeliveryOutcome => (attempts.length > 0 ? { attempt: attempts[0], state: 'logged', test } : { state: 'not-yet', test })),
      );
      return concat(of<TestDeliveryOutcome>({ state: 'queued', test }), poll);
    }),
  );
}
