import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';

/** A panel standing in for content that does not exist yet; projected content becomes its call to action. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatIcon],
  selector: 'mi-empty-state',
  styleUrl: './empty-state.scss',
  templateUrl: './empty-state.html',
})
export class EmptyState {
  readonly icon = input('inbox');
  readonly heading = input.required<string>();
  readonly message = input<string>();
}
