import { Routes } from '@angular/router';
import { EvidenceHub } from './evidence-hub/evidence-hub';

/** The Evidence tab, mounted by the inventory page under `evidence` (which also gives the tab its title). */
export const routes: Routes = [{ component: EvidenceHub, path: '' }];
