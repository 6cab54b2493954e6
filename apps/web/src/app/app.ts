import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationCancel, NavigationEnd, NavigationError, Router, RouterOutlet } from '@angular/router';
import { ModelInventoryTabs, WebRoutes } from '@model-inventory/contracts';
import { releaseFirstScreenPaint, ThemeStore } from '@model-inventory/web-core';
import { filter, map, take, tap } from 'rxjs';

/** Where the first navigation ends when index.html's picture of the Models list is right (that page removes it). */
const MODELS_LIST_URL = `/${WebRoutes.modelInventory}/${ModelInventoryTabs[0]}`;

/**
 * Keeps index.html's splash up until the first navigation settles (the session check included), so the page is never
 * blank; removes the first screen's picture of the Models list when the console opens another page.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet],
  selector: 'mi-root',
  template: `
    @if (!ready()) {
      <div class="mi-splash" role="status" aria-live="polite"><span>Model Inventory</span><span class="mi-splash__bar" aria-label="Loading"></span></div>
    }
    <router-outlet />
  `,
})
export class App {
  /** Applies the colour scheme the user picked in this browser before the first screen shows. */
  private readonly theme = inject(ThemeStore);
  protected readonly ready = toSignal(
    inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError),
      take(1),
      tap((event) => {
        if (!(event instanceof NavigationEnd) || event.urlAfterRedirects.split('?')[0] !== MODELS_LIST_URL) releaseFirstScreenPaint();
      }),
      map(() => true),
    ),
    { initialValue: false },
  );
}
