import { Routes } from '@angular/router';
import { SecurityLogPage } from './security-log-page/security-log-page';

/** Settings › Security log (Admins and Auditors); the shell mounts it lazily under `settings/security-log`. */
export const routes: Routes = [{ component: SecurityLogPage, path: '', title: 'Security log · Settings · Model Inventory' }];
