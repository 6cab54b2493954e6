import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatSort, MatSortHeader, Sort } from '@angular/material/sort';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { EvidenceResponse, WebRoutes } from '@model-inventory/contracts';
import { EvidenceGrouping, EvidenceListSort, EvidenceSortField, groupsSpanPages } from '@model-inventory/web-evidence-data-access';
import { isGroupHeaderRow, trackRowByKey } from '@model-inventory/web-shared-ui';
import { EXPIRY_LABELS, formatBytes, formatDay, uploaderName } from '../evidence-format';
import { groupEvidenceRows } from './evidence-rows';

export const EVIDENCE_COLUMNS = ['filename', 'evidence_type', 'model', 'size', 'uploaded_by', 'upload_date', 'expiry_date', 'actions'] as const;
/** `uploaded`: the upload date with the uploader under it, for narrow places such as the model dialog. */
export type EvidenceColumn = (typeof EVIDENCE_COLUMNS)[number] | 'uploaded';

/** Evidence files as a table, with download and (for writers) remove on each row; sorting is the API's, grouping the page's. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatIconButton,
    MatRow,
    MatRowDef,
    MatSort,
    MatSortHeader,
    MatTable,
    MatTooltip,
    RouterLink,
  ],
  selector: 'mi-evidence-table',
  styleUrl: './evidence-table.scss',
  templateUrl: './evidence-table.html',
})
export class EvidenceTable {
  readonly items = input.required<readonly EvidenceResponse[]>();
  readonly columns = input<readonly EvidenceColumn[]>(EVIDENCE_COLUMNS);
  readonly canRemove = input(false);
  /** `null` leaves the headers unsortable (the model's tab lists a few files, oldest first). */
  readonly sort = input<EvidenceListSort | null | undefined>(undefined);
  readonly groupBy = input<EvidenceGrouping>('none');
  readonly loading = input(false);
  readonly downloaded = output<EvidenceResponse>();
  readonly removed = output<EvidenceResponse>();
  readonly sortChanged = output<EvidenceListSort | null>();

  protected readonly rows = computed(() =>
    groupEvidenceRows(this.items(), this.groupBy(), groupsSpanPages({ groupBy: this.groupBy(), sort: this.sort() ?? null })),
  );
  protected readonly groupColumns = ['group'];
  protected readonly sortable = computed(() => this.sort() !== undefined);
  /** Without a Type column, the type is shown under the file name. */
  protected readonly typeUnderName = computed(() => !this.columns().includes('evidence_type'));
  protected readonly sortActive = computed(() => this.sort()?.field ?? '');
  protected readonly sortDirection = computed(() => this.sort()?.direction ?? '');
  protected readonly formatBytes = formatBytes;
  protected readonly formatDay = formatDay;
  protected readonly uploaderName = uploaderName;
  protected readonly expiryLabel = (evidence: EvidenceResponse) => EXPIRY_LABELS[evidence.expiry_status];
  protected readonly modelLink = (evidence: EvidenceResponse) => ['/', WebRoutes.modelInventory, 'models', evidence.model_id];
  protected readonly isGroup = isGroupHeaderRow;
  protected readonly trackRow = trackRowByKey;

  protected changeSort(sort: Sort): void {
    this.sortChanged.emit(sort.direction ? { direction: sort.direction, field: sort.active as EvidenceSortField } : null);
  }
}
