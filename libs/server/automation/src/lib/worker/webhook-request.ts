import { WEBHOOK_SIGNATURE_HEADER, WebhookPayload } from '@model-inventory/contracts';
import { WEBHOOK_USER_AGENT } from '../automation.constants';
import { AutomationEventEntity } from '../entities/automation-event.entity';
import { signPayload } from '../webhook-signature';

export const WEBHOOK_ID_HEADER = 'X-Webhook-Id';
export const WEBHOOK_EVENT_HEADER = 'X-Webhook-Event';

export interface WebhookRequest {
  /** The exact bytes sent, which are the bytes signed. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** The envelope of an event whose `data` its domain has presented (see EventRegistry). */
export function toWebhookPayload(event: AutomationEventEntity, data: WebhookPayload['data']): WebhookPayload {
  return {
    id: event.uuid,
    event: event.event,
    occurred_at: event.occurred_at.toISOString(),
    organization_id: event.organization_id,
    data,
  };
}

export function buildWebhookRequest(event: AutomationEventEntity, data: WebhookPayload['data'], secret: string): WebhookRequest {
  const body = new TextEncoder().encode(JSON.stringify(toWebhookPayload(event, data)));
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': WEBHOOK_USER_AGENT,
      [WEBHOOK_EVENT_HEADER]: event.event,
      [WEBHOOK_ID_HEADER]: event.uuid,
      [WEBHOOK_SIGNATURE_HEADER]: signPayload(secret, body),
    },
  };
}
