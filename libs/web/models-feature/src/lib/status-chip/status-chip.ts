import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ModelStatus } from '@model-inventory/contracts';

/** A model's approval status as a small coloured chip. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-status]': 'status()', class: 'mi-status-chip' },
  selector: 'mi-status-chip',
  styleUrl: './status-chip.scss',
  template: '<span class="dot" aria-hidden="true"></span>{{ status() }}',
})
export class StatusChip {
  readonly status = input.required<ModelStatus>();
}
