import { Routes } from '@angular/router';
import { RiskDialogHost } from './risk-dialog-host/risk-dialog-host';
import { RisksPage } from './risks-page/risks-page';

export const RISK_ROUTES = { new: 'new' } as const;

const title = (label: string) => `${label} · Model Inventory`;

/**
 * The Risks tab, mounted by the inventory page under `risks` (which also gives the tab its title): the register,
 * with the risk dialog as a routed child (`new`, `:id`).
 */
export const routes: Routes = [
  {
    children: [
      { component: RiskDialogHost, path: RISK_ROUTES.new, title: title('New risk') },
      { component: RiskDialogHost, path: ':id', title: title('Risk') },
    ],
    component: RisksPage,
    path: '',
  },
];
