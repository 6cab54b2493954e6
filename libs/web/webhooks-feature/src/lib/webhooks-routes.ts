import { Routes } from '@angular/router';
import { WebhookDeliveriesPage } from './webhook-deliveries-page/webhook-deliveries-page';
import { WebhooksPage } from './webhooks-page/webhooks-page';

/** Settings › Webhooks (Admins); the shell mounts it lazily under `settings/webhooks`. */
export const routes: Routes = [
  { component: WebhooksPage, path: '', title: 'Webhooks · Settings · Model Inventory' },
  { component: WebhookDeliveriesPage, path: ':id/deliveries', title: 'Webhook deliveries · Settings · Model Inventory' },
];
