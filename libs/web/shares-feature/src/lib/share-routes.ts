import { Routes } from '@angular/router';
import { SharedViewPage } from './shared-view-page/shared-view-page';

/** The public page of a share link, mounted by the app under `share` outside the auth guard: `/share/:token`. */
export const publicShareRoutes: Routes = [{ component: SharedViewPage, path: ':token', title: 'Shared view · Model Inventory' }];
