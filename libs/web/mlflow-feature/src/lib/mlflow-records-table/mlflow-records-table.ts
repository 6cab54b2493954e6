import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { MlflowModelRecordResponse } from '@model-inventory/contracts';
import { MlflowGrouping } from '@model-inventory/web-mlflow-data-access';
import { isGroupHeaderRow, trackRowByKey } from '@model-inventory/web-shared-ui';
import { groupMlflowRows } from './mlflow-rows';

export const MLFLOW_COLUMNS = ['model_name', 'version', 'stage', 'aliases', 'status', 'run', 'experiment', 'last_synced', 'register'] as const;

/** The synced model versions as a dense table, optionally grouped within the page; a row opens its detail. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, MatIcon, MatTableModule, MatTooltip],
  selector: 'mi-mlflow-records-table',
  styleUrl: './mlflow-records-table.scss',
  templateUrl: './mlflow-records-table.html',
})
export class MlflowRecordsTable {
  readonly records = input.required<readonly MlflowModelRecordResponse[]>();
  readonly groupBy = input<MlflowGrouping>('none');
  readonly loading = input(false);
  readonly recordOpened = output<MlflowModelRecordResponse>();

  protected readonly rows = computed(() => groupMlflowRows(this.records(), this.groupBy()));
  protected readonly columns = [...MLFLOW_COLUMNS];
  protected readonly groupColumns = ['group'];
  protected readonly isGroup = isGroupHeaderRow;
  protected readonly trackRow = trackRowByKey;

  protected open(event: Event, record: MlflowModelRecordResponse): void {
    if (event instanceof KeyboardEvent) {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
    }
    this.recordOpened.emit(record);
  }
}
