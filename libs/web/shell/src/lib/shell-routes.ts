import { Routes } from '@angular/router';
import { rolesGuard, SECURITY_LOG_ROLES, SettingsSections, WEBHOOK_ROLES } from './settings-sections';

/**
 * The settings area; the app mounts it under `WebRoutes.settings` inside the `Shell` layout. Each section other
 * than the general one is a lazy chunk of its own feature library; the settings area itself (with the users table) is
 * a chunk of its own too, so the Shell that every first load needs stays small.
 */
export const routes: Routes = [
  {
    children: [
      {
        loadComponent: () => import('./settings-page/settings-page').then((m) => m.SettingsPage),
        path: '',
        title: 'Settings · Model Inventory',
      },
      {
        loadChildren: () => import('@model-inventory/web-organization-feature').then((m) => m.routes),
        path: SettingsSections.organization,
      },
      {
        loadChildren: () => import('@model-inventory/web-projects-feature').then((m) => m.routes),
        path: SettingsSections.projects,
      },
      {
        loadChildren: () => import('@model-inventory/web-api-tokens-feature').then((m) => m.routes),
        path: SettingsSections.apiTokens,
      },
      {
        loadChildren: () => import('@model-inventory/web-mlflow-feature').then((m) => m.settingsRoutes),
        path: SettingsSections.mlflow,
      },
      {
        canActivate: [rolesGuard(WEBHOOK_ROLES)],
        loadChildren: () => import('@model-inventory/web-webhooks-feature').then((m) => m.routes),
        path: SettingsSections.webhooks,
      },
      {
        canActivate: [rolesGuard(SECURITY_LOG_ROLES)],
        loadChildren: () => import('@model-inventory/web-security-log-feature').then((m) => m.routes),
        path: SettingsSections.securityLog,
      },
    ],
    loadComponent: () => import('./settings-layout/settings-layout').then((m) => m.SettingsLayout),
    path: '',
  },
];
