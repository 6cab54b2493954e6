import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Title of a page, an optional one-line description and, projected to the right, the page's actions. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'mi-page-header',
  styleUrl: './page-header.scss',
  templateUrl: './page-header.html',
})
export class PageHeader {
  readonly heading = input.required<string>();
  readonly description = input<string>();
}
