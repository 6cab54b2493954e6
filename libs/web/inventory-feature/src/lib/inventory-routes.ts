import { LoadChildren, Route, Routes } from '@angular/router';
import { ModelInventoryTab, ModelInventoryTabs } from '@model-inventory/contracts';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { InventoryPage } from './inventory-page/inventory-page';
import { INVENTORY_TABS } from './inventory-tabs';

/**
 * What each tab shows: the routes of its feature library, loaded when the tab is first opened, or `null` while
 * the feature is not built yet (the tab then shows an empty state saying what it will hold).
 */
const TAB_CONTENT: Readonly<Record<ModelInventoryTab, LoadChildren | null>> = {
  models: () => import('@model-inventory/web-models-feature').then((m) => m.routes),
  risks: () => import('@model-inventory/web-risks-feature').then((m) => m.routes),
  evidence: () => import('@model-inventory/web-evidence-feature').then((m) => m.routes),
  mlflow: () => import('@model-inventory/web-mlflow-feature').then((m) => m.routes),
};

function tabRoute(tab: ModelInventoryTab): Route {
  const { heading, icon, label, message } = INVENTORY_TABS[tab];
  const loadChildren = TAB_CONTENT[tab];
  const content: Route = loadChildren ? { loadChildren } : { component: EmptyState, data: { heading, icon, message } };
  return { ...content, path: tab, title: `${label} · Model Inventory` };
}

/** The Model Inventory page: the tab bar, then the open tab's routes. */
export const routes: Routes = [
  {
    children: [{ path: '', pathMatch: 'full', redirectTo: ModelInventoryTabs[0] }, ...ModelInventoryTabs.map(tabRoute)],
    component: InventoryPage,
    path: '',
  },
];
