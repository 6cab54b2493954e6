import { Routes } from '@angular/router';
import { OrganizationPage } from './organization-page/organization-page';

/** Settings › Organisation (every role reads it, Admins change it); the shell mounts it lazily under `settings/organization`. */
export const routes: Routes = [{ component: OrganizationPage, path: '', title: 'Organisation · Settings · Model Inventory' }];
