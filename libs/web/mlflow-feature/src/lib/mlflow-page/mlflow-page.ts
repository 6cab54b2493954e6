import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { RouterLink } from '@angular/router';
import { MLFLOW_STAGES, MlflowModelRecordResponse, Page, WebRoutes } from '@model-inventory/contracts';
import { AuthStore } from '@model-inventory/web-core';
import { hasRole, MLFLOW_GROUPING_LABELS, MLFLOW_GROUPINGS, MLFLOW_IMPORT_ROLES, MlflowApi, MlflowGrouping } from '@model-inventory/web-mlflow-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, debounceTime, distinctUntilChanged, firstValueFrom, map, of, startWith, switchMap } from 'rxjs';
import { MlflowImportDialog } from '../mlflow-import-dialog/mlflow-import-dialog';
import { MlflowRecordDetail, MlflowRecordDetailData } from '../mlflow-record-detail/mlflow-record-detail';
import { MlflowRecordsTable } from '../mlflow-records-table/mlflow-records-table';
import { INITIAL_MLFLOW_QUERY, MLFLOW_PAGE_SIZES, MlflowTabQuery, toListQuery } from './mlflow-query';

type RecordsState = { status: 'loading'; page?: Page<MlflowModelRecordResponse> } | { status: 'error' } | { status: 'ready'; page: Page<MlflowModelRecordResponse> };

/** The MLflow tab: the synced model versions, filtered, grouped and paged; a version's detail; adding it to the register. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    EmptyState,
    MatButton,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSlideToggle,
    MatSuffix,
    MlflowRecordsTable,
    ReactiveFormsModule,
    RouterLink,
  ],
  selector: 'mi-mlflow-page',
  styleUrl: './mlflow-page.scss',
  templateUrl: './mlflow-page.html',
})
export class MlflowPage {
  private readonly api = inject(MlflowApi);
  private readonly auth = inject(AuthStore);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly stages = MLFLOW_STAGES;
  protected readonly groupings = MLFLOW_GROUPINGS.map((value) => ({ label: MLFLOW_GROUPING_LABELS[value], value }));
  protected readonly pageSizes = MLFLOW_PAGE_SIZES;
  protected readonly settingsLink = ['/', WebRoutes.settings, 'mlflow'];
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly groupBy = signal<MlflowGrouping>('none');
  protected readonly query = signal<MlflowTabQuery>(INITIAL_MLFLOW_QUERY);
  /** null while loading; false when no MLflow server is connected. */
  protected readonly configured = toSignal(
    this.api.config().pipe(
      map((config) => config.configured),
      catchError(() => of(true)),
    ),
    { initialValue: null },
  );
  protected readonly state = toSignal(
    toObservable(this.query).pipe(
      switchMap((query) =>
        this.api.list(toListQuery(query)).pipe(
          map((page): RecordsState => ({ page, status: 'ready' })),
          catchError(() => of<RecordsState>({ status: 'error' })),
          startWith<RecordsState>({ page: this.lastPage(), status: 'loading' }),
        ),
      ),
    ),
    { initialValue: { status: 'loading' } as RecordsState },
  );
  protected readonly page = computed(() => {
    const state = this.state();
    return state.status === 'error' ? undefined : state.page;
  });
  private readonly canImport = computed(() => hasRole(MLFLOW_IMPORT_ROLES, this.auth.user()?.role));

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(250), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => this.query.update((query) => ({ ...query, offset: 0, search })));
  }

  protected setStage(stage: string | null): void {
    this.query.update((query) => ({ ...query, offset: 0, stage }));
  }

  protected setShowRemoved(showRemoved: boolean): void {
    this.query.update((query) => ({ ...query, offset: 0, showRemoved }));
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, limit: event.pageSize, offset: event.pageIndex * event.pageSize }));
  }

  protected clearSearch(): void {
    this.search.setValue('');
  }

  protected open(record: MlflowModelRecordResponse): void {
    const data: MlflowRecordDetailData = { canImport: this.canImport(), importRecord: (chosen) => this.importRecord(chosen), record };
    this.dialog
      .open(MlflowRecordDetail, { autoFocus: 'dialog', data, height: '100%', maxWidth: '100vw', panelClass: 'mi-side-panel', position: { right: '0', top: '0' }, width: 'min(560px, 100vw)' })
      .afterClosed()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.refresh());
  }

  private async importRecord(record: MlflowModelRecordResponse): Promise<MlflowModelRecordResponse | null> {
    const ref = this.dialog.open<MlflowImportDialog, MlflowModelRecordResponse, MlflowModelRecordResponse>(MlflowImportDialog, {
      autoFocus: 'first-tabbable',
      data: record,
      disableClose: true,
      width: '600px',
    });
    return (await firstValueFrom(ref.afterClosed())) ?? null;
  }

  private refresh(): void {
    this.query.update((query) => ({ ...query, revision: query.revision + 1 }));
  }

  /** Keeps the rows on screen (dimmed) while the next page loads. */
  private lastPage(): Page<MlflowModelRecordResponse> | undefined {
    return this.page?.();
  }
}
