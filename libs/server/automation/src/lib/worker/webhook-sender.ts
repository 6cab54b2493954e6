import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { WEBHOOK_TIMEOUT_MS } from '../automation.constants';
import { AttemptResult } from './delivery-outcome';
import { WebhookRequest } from './webhook-request';

/** The HTTP edge of deliveries. Never throws: every outcome is an AttemptResult to record. */
@Injectable()
export class WebhookSender {
  async post(url: string, { body, headers }: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      // Redirects are not followed: the receiver's URL is what the admin registered, nothing else.
      const response = await fetch(url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, error: ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(), durationMs: elapsed() };
    } catch (error) {
      return { status: null, error: describeFailure(error), durationMs: elapsed() };
    }
  }
}

function describeFailure(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError') return `No response within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  // fetch reports every network failure as "fetch failed"; the cause says which.
  const cause = e?.cause ? [e.cause.code, e.cause.message].filter(Boolean).join(': ') : '';
  return cause ? `${e.message}: ${cause}` : String(e?.message ?? error);
}
