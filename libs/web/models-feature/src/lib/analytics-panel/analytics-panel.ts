import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { SnapshotParameter, Timeframe, TimeseriesResponse } from '@model-inventory/contracts';
import { MODEL_STATUSES, ModelInventoryApi } from '@model-inventory/web-inventory-data-access';
import { TrendChart, TrendData } from './trend-chart';
import { TrendTable } from './trend-table';

export const TIMEFRAME_OPTIONS: readonly { value: Timeframe; label: string }[] = [
  { label: '7 days', value: '7days' },
  { label: '30 days', value: '30days' },
  { label: '90 days', value: '90days' },
  { label: '1 year', value: '1year' },
];

const STATUS_VARS: Record<string, string> = {
  Approved: '--mi-status-approved',
  Blocked: '--mi-status-blocked',
  Pending: '--mi-status-pending',
  Restricted: '--mi-status-restricted',
};

/** Status and security-assessment counts over time, for the analytics drawer. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonToggle, MatButtonToggleGroup, MatIcon, MatIconButton, MatProgressBar, TrendChart, TrendTable],
  selector: 'mi-analytics-panel',
  styleUrl: './analytics-panel.scss',
  templateUrl: './analytics-panel.html',
})
export class AnalyticsPanel {
  private readonly api = inject(ModelInventoryApi);

  /** Bumped by the page after a save, so the charts include the change. */
  readonly refresh = input(0);
  readonly closed = output();

  protected readonly timeframes = TIMEFRAME_OPTIONS;
  protected readonly timeframe = signal<Timeframe>('30days');
  /** Shows the numbers as tables instead of charts. */
  protected readonly asTable = signal(false);

  private readonly statusSeries = this.series('status');
  private readonly assessmentSeries = this.series('security_assessment');

  protected readonly loading = computed(() => this.statusSeries.isLoading() || this.assessmentSeries.isLoading());
  protected readonly failed = computed(() => this.statusSeries.status() === 'error' || this.assessmentSeries.status() === 'error');

  protected readonly statusChart = computed<TrendData | null>(() => {
    const response = this.statusSeries.hasValue() ? this.statusSeries.value() : null;
    return response
      ? toTrend(response, MODEL_STATUSES.map((status) => ({ bucket: status, colorVar: STATUS_VARS[status], label: status })))
      : null;
  });

  protected readonly assessmentChart = computed<TrendData | null>(() => {
    const response = this.assessmentSeries.hasValue() ? this.assessmentSeries.value() : null;
    return response
      ? toTrend(response, [
          { bucket: 'true', colorVar: '--mi-assessment-done', label: 'Assessed' },
          { bucket: 'false', colorVar: '--mi-assessment-missing', label: 'Not assessed' },
        ])
      : null;
  });

  protected readonly latestTotal = computed(() => {
    const chart = this.statusChart();
    return chart ? chart.series.reduce((sum, series) => sum + (series.values.at(-1) ?? 0), 0) : null;
  });

  protected retry(): void {
    this.statusSeries.reload();
    this.assessmentSeries.reload();
  }

  private series(parameter: SnapshotParameter) {
    return rxResource({
      params: () => ({ refresh: this.refresh(), timeframe: this.timeframe() }),
      stream: ({ params }) => this.api.timeseries(parameter, params.timeframe),
    });
  }
}

function toTrend(response: TimeseriesResponse, buckets: { bucket: string; label: string; colorVar: string }[]): TrendData {
  const long = response.points.length > 90;
  // The browser's locale, so a British reader sees "5 Mar" and an American one "Mar 5".
  const format = new Intl.DateTimeFormat(undefined, long ? { day: 'numeric', month: 'short', year: '2-digit' } : { day: 'numeric', month: 'short' });
  return {
    labels: response.points.map((point) => format.format(new Date(point.timestamp))),
    series: buckets.map(({ bucket, colorVar, label }) => ({
      colorVar,
      label,
      values: response.points.map((point) => point.counts[bucket] ?? 0),
    })),
  };
}
