import { AUTOMATION_EVENTS, AutomationEvent, WebhookDeliveryResponse, WebhookResponse } from '@model-inventory/contracts';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';

export const SECRET_HINT_LENGTH = 4;

/** Deduplicated, in the order of AUTOMATION_EVENTS, so equal subscriptions look equal. */
export function normaliseEvents(events: readonly AutomationEvent[]): AutomationEvent[] {
  return AUTOMATION_EVENTS.filter((event) => events.includes(event));
}

export function toWebhookResponse(webhook: WebhookEntity): WebhookResponse {
  return {
    id: webhook.id,
    url: webhook.url,
    events: normaliseEvents(webhook.events),
    active: webhook.active,
    secret_hint: webhook.secret_hint,
    created_at: webhook.created_at.toISOString(),
    updated_at: webhook.updated_at.toISOString(),
  };
}

export function toWebhookDeliveryResponse(delivery: WebhookDeliveryEntity): WebhookDeliveryResponse {
  if (!delivery.event) throw new Error(`Delivery ${delivery.id} was loaded without its event`);
  return {
    id: delivery.id,
    webhook_id: delivery.webhook_id,
    event_id: delivery.event_id,
    event_uuid: delivery.event.uuid,
    event: delivery.event.event,
    attempt: delivery.attempt,
    status: delivery.status,
    response_code: delivery.response_code,
    error: delivery.error,
    duration_ms: delivery.duration_ms,
    delivered_at: delivery.delivered_at.toISOString(),
  };
}
