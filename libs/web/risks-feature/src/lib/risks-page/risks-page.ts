import { Clipboard } from '@angular/cdk/clipboard';
import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleChange, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterOutlet } from '@angular/router';
import { ModelRiskResponse, ModelRiskStatus, RiskFilter, WRITER_ROLES } from '@model-inventory/contracts';
import { AuthStore, describeHttpError, saveBlob } from '@model-inventory/web-core';
import { RISK_GROUPINGS, RISK_PAGE_SIZES, RiskExportFormat, RiskGrouping, RiskListStore, RisksApi } from '@model-inventory/web-risks-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { RiskBulkBar } from '../risk-bulk-bar/risk-bulk-bar';
import { openRiskImportDialog } from '../risk-import-dialog/risk-import-dialog';
import { FILTER_DEBOUNCE_MS, RiskFilters } from '../risk-filters/risk-filters';
import { MatrixSelection, RiskMatrixView } from '../risk-matrix/risk-matrix';
import { RiskCardKey, RiskSummaryCards } from '../risk-summary-cards/risk-summary-cards';
import { RisksTable } from '../risks-table/risks-table';

const GROUPING_LABELS: Record<RiskGrouping, string> = {
  category: 'Category',
  level: 'Level',
  model: 'Model',
  none: 'None',
  owner: 'Owner',
  status: 'Status',
};

const FILTER_LABELS: Record<RiskFilter, string> = { active: 'Active', all: 'All', deleted: 'Deleted' };

/** The Risks tab: summary cards, filters, the risk matrix, the risks table and exports. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onDocumentKeydown($event)' },
  imports: [
    DecimalPipe,
    EmptyState,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSelectTrigger,
    MatSuffix,
    MatTooltip,
    ReactiveFormsModule,
    RiskBulkBar,
    RiskFilters,
    RiskMatrixView,
    RiskSummaryCards,
    RisksTable,
    RouterOutlet,
  ],
  providers: [RiskListStore],
  selector: 'mi-risks-page',
  styleUrl: './risks-page.scss',
  templateUrl: './risks-page.html',
})
export class RisksPage {
  private readonly api = inject(RisksApi);
  private readonly auth = inject(AuthStore);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly store = inject(RiskListStore);
  protected readonly pageSizes = [...RISK_PAGE_SIZES];
  protected readonly groupings = RISK_GROUPINGS.map((value) => ({ label: GROUPING_LABELS[value], value }));
  protected readonly filterOptions = (['active', 'deleted', 'all'] as const).map((value) => ({ label: FILTER_LABELS[value], value }));

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly exporting = signal(false);
  /** The ids of the risks ticked on the page shown; a new page, filter or reload starts with none. */
  protected readonly selected = signal<ReadonlySet<number>>(new Set());
  protected readonly selectedRisks = computed(() => this.store.items().filter((risk) => this.selected().has(risk.id)));
  protected readonly changingStatuses = signal(false);

  protected readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && WRITER_ROLES.includes(role);
  });

  /** The card matching the filters: Total with no level or overdue filter, a level alone, or Overdue alone. */
  protected readonly activeCard = computed<RiskCardKey | undefined>(() => {
    const { overdue, risk_level } = this.store.filters();
    if (overdue === null && risk_level.length === 0) return 'Total';
    if (overdue === null && risk_level.length === 1) return risk_level[0];
    if (overdue === true && risk_level.length === 0) return 'Overdue';
    return undefined;
  });
  /** The filtered model as the rows name it, so the model filter shows its name without asking. */
  protected readonly filteredModel = computed(() => {
    const id = this.store.filters().model_id;
    return this.store.items().find((risk) => risk.model_id === id)?.model ?? null;
  });
  protected readonly ownerSuggestions = computed(() =>
    [...new Set(this.store.items().map((risk) => risk.owner))].sort((a, b) => a.localeCompare(b)),
  );
  protected readonly cell = computed(() => {
    const { impact, likelihood } = this.store.filters();
    return impact !== null || likelihood !== null ? { impact, likelihood } : null;
  });
  protected readonly groupLabel = computed(() => GROUPING_LABELS[this.store.groupBy()]);
  protected readonly firstLoad = computed(() => this.store.page() === null && this.store.loading());
  protected readonly range = computed(() => {
    const page = this.store.page();
    if (!page || page.total === 0) return null;
    return { from: page.offset + 1, to: Math.min(page.offset + page.items.length, page.total), total: page.total };
  });
  /** What the count counts: "risk", or "deleted risk" while only deleted risks are listed. */
  protected readonly noun = computed(() => (this.store.filters().filter === 'deleted' ? 'deleted risk' : 'risk'));

  constructor() {
    this.search.valueChanges
      .pipe(debounceTime(FILTER_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => {
        if (search.trim() !== this.store.filters().search) {
          this.store.setFilters({ search: search.trim() });
        }
      });
    effect(() => {
      this.store.items();
      this.clearSelection();
    });
    // Keep the box in step with the URL (Back button, shared links, "Clear filters").
    effect(() => {
      const search = this.store.filters().search;
      if (this.search.value.trim() !== search) {
        this.search.setValue(search, { emitEvent: false });
      }
    });
  }

  protected selectCard(card: RiskCardKey): void {
    if (card === 'Total') this.store.filterByLevel(null);
    else if (card === 'Overdue') this.store.filterOverdue();
    else this.store.filterByLevel(card);
  }

  protected selectCell(cell: MatrixSelection | null): void {
    this.store.selectCell(cell);
  }

  protected changeFilter(event: MatButtonToggleChange): void {
    this.store.setFilters({ filter: event.value as RiskFilter });
  }

  protected clearSearch(): void {
    this.search.setValue('', { emitEvent: false });
    this.store.setFilters({ search: '' });
  }

  protected clearFilters(): void {
    this.search.setValue('', { emitEvent: false });
    this.store.clearFilters();
  }

  protected changePage(event: PageEvent): void {
    this.store.setPage(event.pageIndex, event.pageSize);
  }

  protected openRisk(risk: ModelRiskResponse): void {
    void this.router.navigate([risk.id], { queryParamsHandling: 'preserve', relativeTo: this.route });
  }

  protected newRisk(): void {
    void this.router.navigate(['new'], { queryParamsHandling: 'preserve', relativeTo: this.route });
  }

  /** Raises risks from a CSV file; lines without a model get the model the list is filtered by. */
  protected importRisks(): void {
    openRiskImportDialog(this.dialog, { modelId: this.store.filters().model_id })
      .afterClosed()
      .subscribe((imported) => {
        if (!imported) return;
        this.snackBar.open(`${imported} ${imported === 1 ? 'risk' : 'risks'} imported.`, undefined, { duration: 4000 });
        this.store.reload();
      });
  }

  protected shareLink(): void {
    const copied = this.clipboard.copy(window.location.href);
    this.snackBar.open(copied ? 'Link to this view copied.' : 'The link could not be copied; copy it from the address bar.', undefined, {
      duration: 3000,
    });
  }

  /** A public read-only link of the current filters; the share dialogs are a lazy chunk, loaded on first use. */
  protected createShareLink(): void {
    const filters = this.store.filterQuery();
    this.withShares((shares) => shares.openCreateShareDialog(this.dialog, { filters, resource: 'risks' }));
  }

  protected manageShareLinks(): void {
    this.withShares((shares) => shares.openShareLinksDialog(this.dialog, { canWrite: this.canWrite() }));
  }

  private withShares(open: (shares: typeof import('@model-inventory/web-shares-feature')) => void): void {
    import('@model-inventory/web-shares-feature').then(open, () =>
      this.snackBar.open('Sharing could not be loaded. Reload the page and try again.', 'Dismiss', { duration: 8000 }),
    );
  }

  protected clearSelection(): void {
    this.selected.set(new Set());
  }

  /** Moves the selected risks to `status` in one request: all of them, or none with the reason. */
  protected changeStatuses(status: ModelRiskStatus): void {
    const ids = this.selectedRisks().map((risk) => risk.id);
    this.changingStatuses.set(true);
    this.api
      .changeStatuses(ids, status)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.changingStatuses.set(false);
          this.snackBar.open(`The statuses could not be changed. ${describeHttpError(error)}`, 'Dismiss', { duration: 10000 });
          this.store.reload();
        },
        next: (risks) => {
          this.changingStatuses.set(false);
          this.snackBar.open(`${risks.length} ${risks.length === 1 ? 'risk' : 'risks'} moved to ${status}.`, undefined, { duration: 4000 });
          this.store.reload();
        },
      });
  }

  protected export(format: RiskExportFormat): void {
    this.exporting.set(true);
    this.api
      .export(format, this.store.filterQuery())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: (error: unknown) => {
          this.exporting.set(false);
          this.snackBar.open(`The export failed. ${describeHttpError(error)}`, 'Dismiss', { duration: 8000 });
        },
        next: ({ blob, filename }) => {
          this.exporting.set(false);
          saveBlob(blob, filename);
        },
      });
  }

  /** "/" jumps to the search box, as in most tools. */
  protected onDocumentKeydown(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    const typing = target?.closest('input, textarea, select, [contenteditable=true], .cdk-overlay-container');
    if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.searchInput()?.nativeElement.focus();
    }
  }
}
