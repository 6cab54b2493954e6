import { Routes } from '@angular/router';
import { ApiTokensPage } from './api-tokens-page/api-tokens-page';

/** Settings › API tokens; the shell mounts it lazily under `settings/api-tokens`. */
export const routes: Routes = [{ component: ApiTokensPage, path: '', title: 'API tokens · Settings · Model Inventory' }];
