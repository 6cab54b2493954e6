import { Routes } from '@angular/router';
import { ModelDialogHost } from './model-dialog-host/model-dialog-host';
import { ModelsPage } from './models-page/models-page';

export const MODEL_ROUTES = { new: 'new' } as const;

const title = (label: string) => `${label} · Model Inventory`;

/**
 * The Models tab, mounted by the inventory page under `models` (which also gives the tab its title):
 * the register, with the model dialog as a routed child (`new`, `:id`).
 */
export const routes: Routes = [
  {
    children: [
      { component: ModelDialogHost, path: MODEL_ROUTES.new, title: title('New model') },
      { component: ModelDialogHost, path: ':id', title: title('Model') },
    ],
    component: ModelsPage,
    path: '',
  },
];
