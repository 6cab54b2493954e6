import { Routes } from '@angular/router';
import { MlflowPage } from './mlflow-page/mlflow-page';
import { MlflowSettingsPage } from './mlflow-settings/mlflow-settings-page';

/** The MLflow tab, mounted by the inventory page under `mlflow` (which also gives the tab its title). */
export const routes: Routes = [{ component: MlflowPage, path: '' }];

/** Settings › MLflow; the shell mounts it lazily under `settings/mlflow`. */
export const settingsRoutes: Routes = [{ component: MlflowSettingsPage, path: '', title: 'MLflow · Settings · Model Inventory' }];
