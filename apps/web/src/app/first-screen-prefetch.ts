import { Location } from '@angular/common';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { ModelInventoryTabs, WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { ModelListPrefetch } from '@model-inventory/web-inventory-data-access';

/** The addresses that open on the Models list: the tab, and the two that redirect to it. */
const MODELS_LIST_PATHS: readonly string[] = ['', WebRoutes.modelInventory, `${WebRoutes.modelInventory}/${ModelInventoryTabs[0]}`];

/**
 * When a returning user's console opens on the Models list, asks for its first page and counts at once, alongside the
 * session check, instead of after the route chunks and the page's first render (the page takes these answers).
 */
export function prefetchFirstScreen(): void {
  if (!inject(AuthStore).token()) return;
  const url = inject(Router).parseUrl(inject(Location).path());
  const path = url.root.children['primary']?.segments.map((segment) => segment.path).join('/') ?? '';
  if (MODELS_LIST_PATHS.includes(path)) inject(ModelListPrefetch).start(url.queryParams);
}
