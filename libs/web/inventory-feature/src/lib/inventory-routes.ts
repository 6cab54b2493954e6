import { Routes } from '@angular/router';
import { ModelInventoryTabs } from '@model-inventory/contracts';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { InventoryPage } from './inventory-page/inventory-page';
import { INVENTORY_TABS } from './inventory-tabs';
import { ModelDialogHost } from './models/model-dialog-host/model-dialog-host';
import { ModelsPage } from './models/models-page/models-page';

export const MODEL_ROUTES = { new: 'new' } as const;

const title = (label: string) => `${label} · Model Inventory`;

// The Models tab is built; the other tabs are placeholders until their features land (route data feeds EmptyState).
export const routes: Routes = [
  {
    children: [
      { path: '', pathMatch: 'full', redirectTo: ModelInventoryTabs[0] },
      {
        children: [
          { component: ModelDialogHost, path: MODEL_ROUTES.new, title: title('New model') },
          { component: ModelDialogHost, path: ':id', title: title('Model') },
        ],
        component: ModelsPage,
        path: 'models',
        title: title(INVENTORY_TABS.models.label),
      },
      ...ModelInventoryTabs.filter((tab) => tab !== 'models').map((tab) => {
        const { heading, icon, label, message } = INVENTORY_TABS[tab];
        return {
          component: EmptyState,
          data: { heading, icon, message },
          path: tab,
          title: title(label),
        };
      }),
    ],
    component: InventoryPage,
    path: '',
  },
];
