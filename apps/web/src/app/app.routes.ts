import { Route } from '@angular/router';
import { WebRoutes } from '@model-inventory/contracts';
import { authGuard } from '@model-inventory/web-core';
import { NotFoundPage } from '@model-inventory/web-shared-ui';

// The shell comes first: an empty-path route with children also matches '/', and '/' belongs to the inventory.
// Only the public page of a share link goes before it: no sign-in, no shell, whoever opens it.
export const appRoutes: Route[] = [
  {
    loadChildren: () => import('@model-inventory/web-shares-feature').then((m) => m.publicShareRoutes),
    path: WebRoutes.share,
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
  {
    loadChildren: () => import('@model-inventory/web-auth-feature').then((m) => m.routes),
    path: '',
  },
  { component: NotFoundPage, path: '**', title: 'Page not found' },
];
