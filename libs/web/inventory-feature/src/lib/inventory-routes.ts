import { Routes } from '@angular/router';
import { ModelInventoryTabs } from '@model-inventory/contracts';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { InventoryPage } from './inventory-page/inventory-page';
import { INVENTORY_TABS } from './inventory-tabs';

// Each tab is a placeholder until its feature lands; route data feeds the EmptyState inputs.
export const routes: Routes = [
  {
    children: [
      { path: '', pathMatch: 'full', redirectTo: ModelInventoryTabs[0] },
      ...ModelInventoryTabs.map((tab) => {
        const { heading, icon, label, message } = INVENTORY_TABS[tab];
        return {
          component: EmptyState,
          data: { heading, icon, message },
          path: tab,
          title: `${label} · Model Inventory`,
        };
      }),
    ],
    component: InventoryPage,
    path: '',
  },
];
