import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  OnDestroy,
  viewChild,
} from '@angular/core';
import type { Chart } from 'chart.js';
import { resolveColor, withAlpha } from './theme-colors';

export interface TrendSeries {
  label: string;
  /** CSS custom property holding the series colour. */
  colorVar: string;
  values: number[];
}

export interface TrendData {
  labels: string[];
  series: TrendSeries[];
}

/** Loads chart.js (its own lazy chunk) on first use. */
let chartModule: Promise<typeof import('./chart-setup')> | null = null;
function loadChartJs(): Promise<typeof import('./chart-setup')> {
  chartModule ??= import('./chart-setup');
  return chartModule;
}

/** A stacked area chart of counts over time, coloured from theme tokens. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'mi-trend-chart' },
  selector: 'mi-trend-chart',
  styles: `
    :host {
      display: block;
      position: relative;
      height: 220px;
    }
  `,
  template: '<canvas #canvas role="img" [attr.aria-label]="label()"></canvas>',
})
export class TrendChart implements OnDestroy {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'line', number[], string> | null = null;
  private disposed = false;

  readonly data = input.required<TrendData>();
  /** Describes the chart for screen readers. */
  readonly label = input.required<string>();

  constructor() {
    afterRenderEffect(() => {
      const data = this.data();
      void this.render(data);
    });
  }

  ngOnDestroy(): void {
    this.disposed = true;
    this.chart?.destroy();
    this.chart = null;
  }

  private async render(data: TrendData): Promise<void> {
    const { Chart } = await loadChartJs();
    if (this.disposed) return;
    const host = this.host.nativeElement;
    // Stacked areas: the first fills down to the axis, each next one down to the one below it.
    const datasets = data.series.map((series, index) => {
      const color = resolveColor(host, series.colorVar);
      return {
        backgroundColor: withAlpha(color, 0.22),
        borderColor: color,
        borderWidth: 2,
        data: series.values,
        fill: index === 0 ? 'origin' : '-1',
        label: series.label,
        pointBackgroundColor: color,
        pointHitRadius: 8,
        // Only today's value gets a dot, so a register that is days old still shows where it stands.
        pointRadius: series.values.map((_, i) => (i === series.values.length - 1 ? 3 : 0)),
        cubicInterpolationMode: 'monotone' as const,
      };
    });
    if (this.chart) {
      this.chart.data.labels = data.labels;
      this.chart.data.datasets = datasets;
      this.chart.update();
      return;
    }
    const text = resolveColor(host, '--mat-sys-on-surface-variant');
    const grid = resolveColor(host, '--mat-sys-outline-variant');
    const font = { family: getComputedStyle(host).fontFamily || 'Roboto, sans-serif', size: 11 };
    this.chart = new Chart(this.canvas().nativeElement, {
      data: { datasets, labels: data.labels },
      options: {
        animation: false,
        interaction: { intersect: false, mode: 'index' },
        maintainAspectRatio: false,
        plugins: {
          legend: {
            align: 'start',
            labels: { boxHeight: 8, boxWidth: 8, color: text, font, usePointStyle: true },
            position: 'bottom',
          },
          tooltip: {
            bodyFont: font,
            titleFont: font,
            footerFont: font,
            // The areas are stacked, so a band's height is not its value: the tooltip states each value and the total.
            callbacks: { footer: (items) => `Total: ${items.reduce((sum, item) => sum + Number(item.raw ?? 0), 0)}` },
          },
        },
        responsive: true,
        scales: {
          x: {
            border: { display: false },
            grid: { display: false },
            ticks: { autoSkip: true, color: text, font, maxRotation: 0, maxTicksLimit: 7 },
          },
          y: {
            beginAtZero: true,
            border: { display: false },
            grid: { color: grid },
            stacked: true,
            ticks: { color: text, font, precision: 0 },
          },
        },
      },
      type: 'line',
    });
  }
}
