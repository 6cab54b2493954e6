import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationCancel, NavigationEnd, NavigationError, Router, RouterOutlet } from '@angular/router';
import { ThemeStore } from '@model-inventory/web-core';
import { filter, map, take } from 'rxjs';

/** Keeps index.html's splash up until the first navigation settles (the session check included), so the page is never blank. */
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
      map(() => true),
    ),
    { initialValue: false },
  );
}
