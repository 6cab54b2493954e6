import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output } from '@angular/core';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatIcon } from '@angular/material/icon';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { ModelRiskResponse, ModelRiskSortField } from '@model-inventory/contracts';
import { RiskGrouping, RiskListSort } from '@model-inventory/web-risks-data-access';
import { isGroupHeaderRow, trackRowByKey } from '@model-inventory/web-shared-ui';
import { formatDate } from '../risk-details';
import { RiskChip } from '../risk-chip/risk-chip';
import { groupRiskRows } from './risk-rows';

export const RISK_COLUMNS = ['risk_name', 'model', 'risk_level', 'risk_category', 'status', 'owner', 'target_date'] as const;
export type RiskColumn = (typeof RISK_COLUMNS)[number];

/** The risks as a dense table; sorting is done by the API, grouping within the page shown. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCheckbox, MatIcon, MatSort, MatSortHeader, MatTableModule, MatTooltip, RiskChip],
  selector: 'mi-risks-table',
  styleUrl: './risks-table.scss',
  templateUrl: './risks-table.html',
})
export class RisksTable {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly risks = input.required<readonly ModelRiskResponse[]>();
  readonly columns = input<readonly RiskColumn[]>(RISK_COLUMNS);
  readonly sort = input<RiskListSort | null>(null);
  readonly groupBy = input<RiskGrouping>('none');
  readonly loading = input(false);
  /** Sorting by clicking the headers; off for small tables that show every row. */
  readonly sortable = input(true);
  /** A checkbox on each live risk, for changing several at once; deleted risks cannot be selected. */
  readonly selectable = input(false);
  readonly selected = input<ReadonlySet<number>>(new Set());
  readonly riskOpened = output<ModelRiskResponse>();
  readonly sortChanged = output<RiskListSort | null>();
  readonly selectionChanged = output<ReadonlySet<number>>();

  protected readonly rows = computed(() => groupRiskRows(this.risks(), this.groupBy()));
  protected readonly displayedColumns = computed(() => (this.selectable() ? ['select', ...this.columns()] : [...this.columns()]));
  private readonly selectableIds = computed(() => this.risks().flatMap((risk) => (risk.is_deleted ? [] : [risk.id])));
  protected readonly allSelected = computed(() => this.selectableIds().length > 0 && this.selectableIds().every((id) => this.selected().has(id)));
  protected readonly someSelected = computed(() => !this.allSelected() && this.selectableIds().some((id) => this.selected().has(id)));
  protected readonly groupColumns = ['group'];
  protected readonly allColumns = RISK_COLUMNS.length;
  protected readonly sortActive = computed(() => this.sort()?.field ?? '');
  protected readonly sortDirection = computed(() => this.sort()?.direction ?? '');

  protected readonly isGroup = isGroupHeaderRow;
  protected readonly trackRow = trackRowByKey;
  protected readonly formatDate = formatDate;

  protected toggleAll(): void {
    this.selectionChanged.emit(new Set(this.allSelected() ? [] : this.selectableIds()));
  }

  protected toggle(risk: ModelRiskResponse): void {
    const selected = new Set(this.selected());
    if (!selected.delete(risk.id)) selected.add(risk.id);
    this.selectionChanged.emit(selected);
  }

  protected changeSort(sort: Sort): void {
    this.sortChanged.emit(sort.direction ? { direction: sort.direction, field: sort.active as ModelRiskSortField } : null);
  }

  /** Arrow keys move between rows, Enter or Space opens the focused one. */
  protected onRowKeydown(event: KeyboardEvent, risk: ModelRiskResponse): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.riskOpened.emit(risk);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const rows = [...this.host.nativeElement.querySelectorAll<HTMLElement>('tr.risk-row')];
      const index = rows.indexOf(event.currentTarget as HTMLElement);
      rows[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  }
}
