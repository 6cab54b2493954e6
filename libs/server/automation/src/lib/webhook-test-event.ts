import { WebhookTestData } from '@model-inventory/contracts';
import { AutomationEventEntity } from './entities/automation-event.entity';
import { WebhookEntity } from './entities/webhook.entity';

export function testPingData(webhook: Pick<WebhookEntity, 'id' | 'url'>): WebhookTestData {
  return { webhook: { id: webhook.id, url: webhook.url }, message: 'Test delivery from Model Inventory: this webhook is reachable and its signature can be checked.' };
}

/** The webhook a stored test ping was sent for; NaN when the payload names none (then it goes nowhere). */
export function testedWebhookId(event: Pick<AutomationEventEntity, 'payload'>): number {
  return Number((event.payload as Partial<WebhookTestData>).webhook?.id);
}
