import { Routes } from '@angular/router';
import { ModelsPage } from './models-page/models-page';

export const MODEL_ROUTES = { new: 'new' } as const;

const title = (label: string) => `${label} · Model Inventory`;
/** The dialog (form, date picker, chips, activity) is a chunk of its own: the first screen is the table. */
const loadDialogHost = () => import('./model-dialog-host/model-dialog-host').then((m) => m.ModelDialogHost);

/**
 * The Models tab, mounted by the inventory page under `models` (which also gives the tab its title):
 * the register, with the model dialog as a routed child (`new`, `:id`).
 */
export const routes: Routes = [
  {
    children: [
      { loadComponent: loadDialogHost, path: MODEL_ROUTES.new, title: title('New model') },
      { loadComponent: loadDialogHost, path: ':id', title: title('Model') },
    ],
    component: ModelsPage,
    path: '',
  },
];
