import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ModelRiskLevel, ModelRiskStatus } from '@model-inventory/contracts';
import { isRiskLevel, LEVEL_DETAILS } from '../risk-details';

/**
 * A risk's level or status as a small coloured chip: a level is a square badge with its severity bars, a status a
 * round chip with a dot (like a model's status), so the two never read alike in one row.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-risk]': 'value()', '[class.level]': 'isLevel()', class: 'mi-risk-chip' },
  imports: [MatIcon],
  selector: 'mi-risk-chip',
  styleUrl: './risk-chip.scss',
  template: `
    @if (isLevel()) {
      <mat-icon class="icon" aria-hidden="true">{{ icon() }}</mat-icon>
    } @else {
      <span class="dot" aria-hidden="true"></span>
    }
    {{ value() }}
  `,
})
export class RiskChip {
  readonly value = input.required<ModelRiskLevel | ModelRiskStatus | string>();

  protected readonly isLevel = computed(() => isRiskLevel(this.value()));
  protected readonly icon = computed(() => {
    const value = this.value();
    return isRiskLevel(value) ? LEVEL_DETAILS[value].icon : '';
  });
}
