import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { EmptyState } from '../empty-state/empty-state';

/** What an address the console does not know shows, instead of silently landing somewhere else. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EmptyState, MatAnchor, RouterLink],
  selector: 'mi-not-found-page',
  styles: `
    :host {
      display: grid;
      min-height: 100dvh;
      place-content: center;
      padding: 24px;
    }
    code {
      word-break: break-all;
    }
  `,
  template: `
    <main>
      <mi-empty-state icon="explore_off" heading="This page does not exist">
        <p>Nothing lives at <code>{{ path }}</code>. The link may be old, or mistyped.</p>
        <a mat-flat-button routerLink="/">Go to the Model Inventory</a>
      </mi-empty-state>
    </main>
  `,
})
export class NotFoundPage {
  protected readonly path = inject(Router).url;
}
