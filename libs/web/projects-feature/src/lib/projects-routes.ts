import { Routes } from '@angular/router';
import { ProjectsPage } from './projects-page/projects-page';

/** Settings › Projects; the shell mounts it lazily under `settings/projects`. */
export const routes: Routes = [{ component: ProjectsPage, path: '', title: 'Projects · Settings · Model Inventory' }];
