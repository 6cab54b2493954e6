export const AUTOMATION_EVENTS = [
  'model_added',
  'model_updated',
  'model_deleted',
  'model_review_required',
  'evidence_expiring',
  'evidence_expired',
  'mlflow_version_added',
  'mlflow_stage_changed',
] as const;
export type AutomationEvent = (typeof AUTOMATION_EVENTS)[number];

/** The ping an Admin sends with "test delivery": delivered only to the webhook asked for, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook_test';
/** Every event a delivery can carry: the subscribable ones and the test ping. */
export type DeliveredEvent = AutomationEvent | typeof WEBHOOK_TEST_EVENT;

export interface WebhookResponse {
  id: number;
  url: string;
  events: AutomationEvent[];
  active: boolean;
  /** The secret is write-only; only its last four characters are shown. */
  secret_hint: string;
  created_at: string;
  updated_at: string;
}

export interface CreateWebhookRequest {
  url: string;
  events: AutomationEvent[];
  secret: string;
  active?: boolean;
}

export type UpdateWebhookRequest = Partial<CreateWebhookRequest>;

export type DeliveryStatus = 'succeeded' | 'failed';

export interface WebhookDeliveryResponse {
  id: number;
  webhook_id: number;
  event_id: number;
  /** The `id` of the envelope that was delivered. */
  event_uuid: string;
  event: DeliveredEvent;
  attempt: number;
  status: DeliveryStatus;
  response_code: number | null;
  error: string | null;
  duration_ms: number;
  delivered_at: string;
}

/** The answer to `POST /api/webhooks/:id/test`: the ping is queued; its attempts appear in the delivery log under `event_uuid`. */
export interface WebhookTestResponse {
  webhook_id: number;
  event: typeof WEBHOOK_TEST_EVENT;
  /** The envelope's `id` (also `X-Webhook-Id`), and the `event_uuid` of its rows in the delivery log. */
  event_uuid: string;
  queued_at: string;
}

/** The `data` of a test ping. */
export interface WebhookTestData {
  webhook: { id: number; url: string };
  message: string;
}

/** The JSON body POSTed to a webhook; signed with `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export interface WebhookPayload<TModel = unknown> {
  /** The event's UUID, also in `X-Webhook-Id`: the same on every retry, so receivers deduplicate by it. */
  id: string;
  event: DeliveredEvent;
  occurred_at: string;
  organization_id: number;
  data: {
    model: TModel;
    previous?: TModel;
    changes?: { field_name: string; old_value: string | null; new_value: string | null }[];
  };
}

export const WEBHOOK_SIGNATURE_HEADER = 'X-Webhook-Signature';
