import { AUTOMATION_EVENTS, AutomationEvent, DeliveredEvent } from '@model-inventory/contracts';

const LABELS: Partial<Record<DeliveredEvent, string>> = {
  webhook_test: 'Test delivery',
  evidence_expired: 'Evidence expired',
  evidence_expiring: 'Evidence expiring',
  model_added: 'Model added',
  model_deleted: 'Model deleted',
  model_updated: 'Model updated',
  model_review_required: 'Model needs review',
  mlflow_version_added: 'MLflow version added',
  mlflow_stage_changed: 'MLflow stage changed',
};

/** How the console names an event; an event it does not know yet is shown by its API name. */
export function eventLabel(event: DeliveredEvent): string {
  return LABELS[event] ?? event;
}

/** Every event a webhook can subscribe to, in the API's order. */
export const WEBHOOK_EVENTS: readonly { value: AutomationEvent; label: string }[] = AUTOMATION_EVENTS.map((value) => ({ label: eventLabel(value), value }));

/** A webhook's events as one line, e.g. "Model added, Model updated". */
export function eventsLabel(events: readonly AutomationEvent[]): string {
  return events.map(eventLabel).join(', ');
}
