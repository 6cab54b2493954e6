import { Route } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { authGuard } from '@model-inventory/web-core';

export const appRoutes: Route[] = [
  {
    loadChildren: () => import('@model-inventory/web-auth-feature').then((m) => m.routes),
    path: '',
  },
  {
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: WebRoutes.modelInventory },
      {
        loadChildren: () => import('@model-inventory/web-inventory-feature').then((m) => m.routes),
        path: WebRoutes.modelInventory,
      },
      {
        loadChildren: () => import('@model-inventory/web-shell').then((m) => m.routes),
        path: WebRoutes.settings,
      },
    ],
    loadComponent: () => import('@model-inventory/web-shell').then((m) => m.Shell),
    path: '',
  },
  { path: '**', redirectTo: '' },
];
