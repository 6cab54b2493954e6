import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { ModelRiskLevel, ModelRiskSummary } from '@model-inventory/contracts';
import { RISK_LEVELS } from '@model-inventory/web-risks-data-access';
import { LEVEL_DETAILS } from '../risk-details';

/** A summary card: `Total`, one level, or `Overdue`. */
export type RiskCardKey = 'Total' | ModelRiskLevel | 'Overdue';

interface SummaryCard {
  key: RiskCardKey;
  description: string;
  icon: string;
  count: number | null;
  share: number | null;
}

/**
 * Active risks in total, per level and overdue; clicking a card shows only those risks (Total: every level).
 * The counts are the whole register's, whatever the table is filtered by.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DecimalPipe, MatIcon, PercentPipe],
  selector: 'mi-risk-summary-cards',
  styleUrl: './risk-summary-cards.scss',
  templateUrl: './risk-summary-cards.html',
})
export class RiskSummaryCards {
  readonly summary = input.required<ModelRiskSummary | null>();
  /** The card matching the table's filters, or `undefined` when none does. */
  readonly active = input.required<RiskCardKey | undefined>();
  readonly cardSelected = output<RiskCardKey>();

  protected readonly cards = computed<SummaryCard[]>(() => {
    const summary = this.summary();
    const total = summary?.total ?? null;
    const share = (count: number | undefined) => (summary && total ? (count ?? 0) / total : null);
    return [
      { count: total, description: 'Active risks', icon: 'report', key: 'Total', share: null },
      ...RISK_LEVELS.map((level) => ({
        count: summary ? summary.by_level[level] : null,
        description: LEVEL_DETAILS[level].description,
        icon: LEVEL_DETAILS[level].icon,
        key: level,
        share: share(summary?.by_level[level]),
      })),
      {
        count: summary?.overdue ?? null,
        description: 'Past target date, still open',
        icon: 'event_busy',
        key: 'Overdue',
        share: null,
      },
    ];
  });

  protected label(card: SummaryCard): string {
    const count = card.count ?? 'loading';
    if (card.key === 'Total') return `Total: ${count} active risks. Show risks of every level`;
    if (card.key === 'Overdue') return `Overdue: ${count} risks. Show only overdue risks`;
    return `${card.key}: ${count} risks. Show only ${card.key} risks`;
  }
}
