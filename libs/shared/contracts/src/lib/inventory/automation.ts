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
  event: AutomationEvent;
  attempt: number;
  status: DeliveryStatus;
  response_code: number | null;
  error: string | null;
  duration_ms: number;
  delivered_at: string;
}

/** The JSON body POSTed to a webhook; signed with `X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export interface WebhookPayload<TModel = unknown> {
  /** The event's UUID, also in `X-Webhook-Id`: the same on every retry, so receivers deduplicate by it. */
  id: string;
  event: AutomationEvent;
  occurred_at: string;
  organization_id: number;
  data: {
    model: TModel;
    previous?: TModel;
    changes?: { field_name: string; old_value: string | null; new_value: string | null }[];
  };
}

export const WEBHOOK_SIGNATURE_HEADER = 'X-Webhook-Signature';
