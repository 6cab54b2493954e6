import { Injectable } from '@nestjs/common';
import { AutomationEvent, WebhookPayload } from '@model-inventory/contracts';

/** The outbox payload: the written row under the entity's key (as `to_jsonb` gave it), plus `previous`/`changes`. */
export type StoredEventPayload = Record<string, unknown>;

/** One event type, contributed by the domain that emits it. */
export interface EventDefinition {
  name: AutomationEvent;
  /** Turns the stored payload into the webhook's `data`: the row as the API shows it. */
  present(stored: StoredEventPayload): WebhookPayload['data'];
}

/**
 * Every automation event type the running process knows. Each domain module registers its definitions when
 * it starts (API and worker alike): writes refuse an unregistered event, and the worker presents each
 * event's payload with the definition of its domain.
 */
@Injectable()
export class EventRegistry {
  private readonly definitions = new Map<string, EventDefinition>();

  register(...definitions: EventDefinition[]): void {
    for (const definition of definitions) this.definitions.set(definition.name, definition);
  }

  has(name: string): boolean {
    return this.definitions.has(name);
  }

  names(): string[] {
    return [...this.definitions.keys()];
  }

  /** The webhook `data` of a stored event; an event type no module registered is sent as stored. */
  present(name: string, stored: StoredEventPayload): WebhookPayload['data'] {
    const definition = this.definitions.get(name);
    return definition ? definition.present(stored) : (stored as WebhookPayload['data']);
  }
}
