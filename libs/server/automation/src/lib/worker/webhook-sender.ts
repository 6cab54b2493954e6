import { Injectable } from '@nestjs/common';
import { OutboundHttp, OutboundRefusedError } from '@model-inventory/server-core';
import { performance } from 'node:perf_hooks';
import { WEBHOOK_TIMEOUT_MS } from '../automation.constants';
import { AttemptResult } from './delivery-outcome';
import { WebhookRequest } from './webhook-request';

/** A receiver's answer is read only to learn its status; anything longer than this is cut off. */
const MAX_RECEIVER_RESPONSE_BYTES = 64 * 1024;

/** The HTTP edge of deliveries. Never throws: every outcome is an AttemptResult to record. */
@Injectable()
export class WebhookSender {
  constructor(private readonly http: OutboundHttp) {}

  async post(url: string, { body, headers }: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      // Redirects are not followed: the receiver's URL is what the admin registered, nothing else.
      const response = await this.http.request(url, { method: 'POST', headers, body, timeoutMs: WEBHOOK_TIMEOUT_MS, maxResponseBytes: MAX_RECEIVER_RESPONSE_BYTES });
      const ok = response.status >= 200 && response.status < 300;
      return { status: response.status, error: ok ? null : `HTTP ${response.status} ${response.statusText}`.trim(), durationMs: elapsed() };
    } catch (error) {
      const refused = error instanceof OutboundRefusedError;
      return { status: null, error: refused ? `Refused: ${error.message}` : describeFailure(error), durationMs: elapsed(), refused };
    }
  }
}

function describeFailure(error: unknown): string {
  const e = error as Error & { code?: string };
  if (e?.name === 'TimeoutError') return `No response within ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  return [e?.code, e?.message ?? String(error)].filter(Boolean).join(': ');
}
