import { Routes } from '@angular/router';
import { SettingsPage } from './settings-page/settings-page';

/** The settings area; the app mounts it under `WebRoutes.settings` inside the `Shell` layout. */
export const routes: Routes = [{ component: SettingsPage, path: '', title: 'Settings · Model Inventory' }];
