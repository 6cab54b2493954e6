import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TrendData } from './trend-chart';

/** The numbers behind a trend chart, newest day first, with each day's total: for screen readers and for reading off values. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'mi-trend-table',
  styles: `
    :host {
      display: block;
      max-height: 260px;
      overflow: auto;
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-small);
      width: 100%;
    }
    caption {
      caption-side: top;
      color: var(--mat-sys-on-surface-variant);
      padding-bottom: 4px;
      text-align: start;
    }
    th,
    td {
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      padding: 4px 8px;
      text-align: end;
    }
    th:first-child,
    td:first-child {
      text-align: start;
    }
    thead th {
      background: var(--mat-sys-surface-container-lowest);
      position: sticky;
      top: 0;
    }
  `,
  template: `
    <table>
      <caption>{{ caption() }}</caption>
      <thead>
        <tr>
          <th scope="col">Day</th>
          @for (series of data().series; track series.label) {
            <th scope="col">{{ series.label }}</th>
          }
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.day) {
          <tr>
            <th scope="row">{{ row.day }}</th>
            @for (value of row.values; track $index) {
              <td>{{ value }}</td>
            }
            <td>{{ row.total }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class TrendTable {
  readonly data = input.required<TrendData>();
  readonly caption = input.required<string>();

  protected readonly rows = computed(() => {
    const { labels, series } = this.data();
    return labels
      .map((day, index) => {
        const values = series.map((s) => s.values[index] ?? 0);
        return { day, values, total: values.reduce((sum, value) => sum + value, 0) };
      })
      .reverse();
  });
}
