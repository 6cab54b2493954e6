import { DatePipe, DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
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
import { SharedViewResponse } from '@model-inventory/contracts';
import { saveBlob } from '@model-inventory/web-core';
import { PublicShareApi, SharedViewFailure, sharedViewFailure } from '@model-inventory/web-shares-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, combineLatest, map, of, startWith, switchMap } from 'rxjs';
import { resourceLabel } from '../share-filters';
import { sharedCellText, sharedColumns } from './shared-columns';

export const SHARED_PAGE_SIZES = [25, 50, 100];

type ViewState = { status: 'loading' } | { status: 'ready'; view: SharedViewResponse } | { status: 'failed'; failure: SharedViewFailure };

/**
 * The public page of a share link (`/share/:token`), for someone without an account: the shared rows, read-only and
 * paged, and their CSV export when the link allows it. Any 404 is one "not available" state, never a sign-in page.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    DecimalPipe,
    EmptyState,
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatPaginator,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatTable,
  ],
  selector: 'mi-shared-view-page',
  styleUrl: './shared-view-page.scss',
  templateUrl: './shared-view-page.html',
})
export class SharedViewPage {
  private readonly api = inject(PublicShareApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The route's `:token`. */
  readonly token = input.required<string>();

  protected readonly pageSizes = SHARED_PAGE_SIZES;
  protected readonly paging = signal({ pageIndex: 0, pageSize: SHARED_PAGE_SIZES[1] });
  protected readonly exporting = signal(false);
  protected readonly exportFailure = signal<SharedViewFailure | null>(null);

  private readonly state = signal<ViewState>({ status: 'loading' });
  /** The last page shown, kept while the next one loads. */
  private readonly lastView = signal<SharedViewResponse | null>(null);

  protected readonly loading = computed(() => this.state().status === 'loading');
  protected readonly view = this.lastView.asReadonly();
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.status === 'failed' ? state.failure : null;
  });
  protected readonly heading = computed(() => {
    const view = this.view();
    return view ? resourceLabel(view.resource) : 'Shared view';
  });
  protected readonly noun = computed(() => (this.view()?.resource === 'risks' ? 'risk' : 'model'));
  protected readonly columns = computed(() => {
    const view = this.view();
    return view ? sharedColumns(view.resource, view.fields) : [];
  });
  protected readonly columnKeys = computed(() => this.columns().map((column) => column.key));
  protected readonly cellText = sharedCellText;

  constructor() {
    combineLatest([toObservable(this.token), toObservable(this.paging)])
      .pipe(
        switchMap(([token, { pageIndex, pageSize }]) =>
          this.api.view(token, { limit: pageSize, offset: pageIndex * pageSize }).pipe(
            map((view): ViewState => ({ status: 'ready', view })),
            catchError((error: unknown) => of<ViewState>({ failure: sharedViewFailure(error), status: 'failed' })),
            startWith<ViewState>({ status: 'loading' }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => {
        this.state.set(state);
        if (state.status === 'ready') this.lastView.set(state.view);
        if (state.status === 'failed' && state.failure === 'unavailable') this.lastView.set(null);
      });
  }

  protected changePage(event: PageEvent): void {
    const pageSize = event.pageSize;
    this.paging.set({ pageIndex: pageSize === this.paging().pageSize ? event.pageIndex : 0, pageSize });
  }

  protected retry(): void {
    this.paging.set({ ...this.paging() });
  }

  protected exportCsv(): void {
    this.exporting.set(true);
    this.exportFailure.set(null);
    this.api
      .exportCsv(this.token())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.exporting.set(false);
          const failure = sharedViewFailure(error);
          this.exportFailure.set(failure);
          if (failure === 'unavailable') {
            this.lastView.set(null);
            this.state.set({ failure, status: 'failed' });
          }
        },
        next: ({ blob, filename }) => {
          this.exporting.set(false);
          saveBlob(blob, filename);
        },
      });
  }
}
