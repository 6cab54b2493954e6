import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ModelStatus } from '@model-inventory/contracts';
import { MODEL_STATUSES, StatusCounts } from '@model-inventory/web-inventory-data-access';
import { STATUS_DETAILS } from '../model-status';

interface SummaryCard {
  /** `null` is the Total card. */
  status: ModelStatus | null;
  label: string;
  description: string;
  icon: string;
  count: number | null;
  share: number | null;
  /** What a screen reader announces: the count in words ("1 model pending"), then what the card does. */
  ariaLabel: string;
}

/** Totals per status; clicking a card shows only that status, clicking Total shows all. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatIcon, PercentPipe],
  selector: 'mi-summary-cards',
  styleUrl: './summary-cards.scss',
  templateUrl: './summary-cards.html',
})
export class SummaryCards {
  readonly counts = input.required<StatusCounts | null>();
  /** The status the table is filtered by: `null` (Total) when it shows every status, `undefined` when several. */
  readonly activeStatus = input.required<ModelStatus | null | undefined>();
  readonly statusSelected = output<ModelStatus | null>();

  protected readonly cards = computed<SummaryCard[]>(() => {
    const counts = this.counts();
    const total = counts ? MODEL_STATUSES.reduce((sum, status) => sum + counts[status], 0) : null;
    return [
      {
        ariaLabel: `${total === null ? 'Models in total: loading' : `${modelCount(total)} in total`}. Show all models`,
        count: total,
        description: 'Models in the register',
        icon: 'inventory_2',
        label: 'Total',
        share: null,
        status: null,
      },
      ...MODEL_STATUSES.map((status) => ({
        ariaLabel: `${counts ? `${modelCount(counts[status])} ${status.toLowerCase()}` : `${status} models: loading`}. Show only ${status} models`,
        count: counts ? counts[status] : null,
        description: STATUS_DETAILS[status].description,
        icon: STATUS_DETAILS[status].icon,
        label: status,
        share: counts && total ? counts[status] / total : null,
        status,
      })),
    ];
  });
}

/** One formatter for every card: `toLocaleString` builds a new one per call, a visible cost on the first render. */
const GROUPED = new Intl.NumberFormat('en-GB');

/** "1 model", "12 models", "1,234 models". */
function modelCount(count: number): string {
  return `${GROUPED.format(count)} ${count === 1 ? 'model' : 'models'}`;
}
