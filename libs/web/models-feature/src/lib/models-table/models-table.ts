import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { ModelInventoryResponse, ModelInventorySortField, OPEN_RISK_STATUSES, WebRoutes } from '@model-inventory/contracts';
import { ModelGrouping, ModelListSort } from '@model-inventory/web-inventory-data-access';
import { isGroupHeaderRow, trackRowByKey } from '@model-inventory/web-shared-ui';
import { ModelColumnKey } from '../model-columns';
import { StatusChip } from '../status-chip/status-chip';
import { groupRows, LinkNames } from './model-rows';

/** The register as a dense table; sorting is done by the API, grouping within the page shown. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIcon, MatSort, MatSortHeader, MatTableModule, MatTooltip, RouterLink, StatusChip],
  selector: 'mi-models-table',
  styleUrl: './models-table.scss',
  templateUrl: './models-table.html',
})
export class ModelsTable {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly models = input.required<readonly ModelInventoryResponse[]>();
  readonly columns = input.required<readonly ModelColumnKey[]>();
  readonly sort = input<ModelListSort | null>(null);
  readonly groupBy = input<ModelGrouping>('none');
  readonly names = input<LinkNames>({ frameworks: new Map(), projects: new Map() });
  readonly loading = input(false);
  readonly modelOpened = output<ModelInventoryResponse>();
  readonly sortChanged = output<ModelListSort | null>();

  protected readonly rows = computed(() => groupRows(this.models(), this.groupBy(), this.names()));
  protected readonly displayedColumns = computed(() => [...this.columns()]);
  protected readonly groupColumns = ['group'];
  protected readonly sortActive = computed(() => this.sort()?.field ?? '');
  protected readonly sortDirection = computed(() => this.sort()?.direction ?? '');

  /** A model's open-risk count links to the Risks tab, filtered to the risks it counts. */
  protected readonly risksLink = ['/', WebRoutes.modelInventory, 'risks'];
  protected readonly openStatuses = OPEN_RISK_STATUSES.join(',');

  protected readonly isGroup = isGroupHeaderRow;
  protected readonly trackRow = trackRowByKey;

  protected namesOf(ids: readonly number[], lookup: ReadonlyMap<number, string>): string {
    return ids.map((id) => lookup.get(id) ?? `#${id}`).join(', ');
  }

  protected changeSort(sort: Sort): void {
    this.sortChanged.emit(sort.direction ? { direction: sort.direction, field: sort.active as ModelInventorySortField } : null);
  }

  /** Arrow keys move between rows, Enter or Space opens the focused one. */
  protected onRowKeydown(event: KeyboardEvent, model: ModelInventoryResponse): void {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.modelOpened.emit(model);
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const rows = [...this.host.nativeElement.querySelectorAll<HTMLElement>('tr.model-row')];
      const index = rows.indexOf(event.currentTarget as HTMLElement);
      rows[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  }
}
