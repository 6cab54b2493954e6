import { Clipboard } from '@angular/cdk/clipboard';
import { DecimalPipe } from '@angular/common';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatDivider } from '@angular/material/divider';
import { MatFormField, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { ActivatedRoute, Router, RouterOutlet } from '@angular/router';
import { ExportFormat, ModelInventoryResponse, ModelStatus, Role, WRITER_ROLES } from '@model-inventory/contracts';
import { AuthStore, describeHttpError, releaseFirstScreenPaint, saveBlob } from '@model-inventory/web-core';
import {
  MODEL_GROUPINGS,
  MODEL_PAGE_SIZES,
  ModelGrouping,
  ModelInventoryApi,
  ModelListStore,
} from '@model-inventory/web-inventory-data-access';
import { confirmAction, EmptyState } from '@model-inventory/web-shared-ui';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { AnalyticsPanel } from '../analytics-panel/analytics-panel';
import { FILTER_DEBOUNCE_MS, ModelFilters } from '../model-filters/model-filters';
import { ColumnsMenuPlacement, MODEL_COLUMNS, ModelColumnKey, ModelColumnPreferences, placeColumnsMenu } from '../model-columns';
import { LinkNames } from '../models-table/model-rows';
import { ModelsTable } from '../models-table/models-table';
import { printDocument, printHtml } from '../print-view';
import { SummaryCards } from '../summary-cards/summary-cards';
import { loadReferenceListsWhen, needsReferenceData } from './reference-lists';

const GROUPING_LABELS: Record<ModelGrouping, string> = {
  framework: 'Framework',
  none: 'None',
  project: 'Project',
  provider: 'Provider',
  status: 'Status',
};

/** The Models tab: summary cards, filters, the register table, exports and the analytics drawer. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onDocumentKeydown($event)' },
  imports: [
    AnalyticsPanel,
    DecimalPipe,
    EmptyState,
    MatButton,
    MatDivider,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatMenu,
    MatMenuContent,
    MatMenuItem,
    MatMenuTrigger,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSelectTrigger,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatSlideToggle,
    MatSuffix,
    MatTooltip,
    ModelFilters,
    ModelsTable,
    ReactiveFormsModule,
    RouterOutlet,
    SummaryCards,
  ],
  providers: [ModelListStore],
  selector: 'mi-models-page',
  styleUrl: './models-page.scss',
  templateUrl: './models-page.html',
})
export class ModelsPage {
  private readonly api = inject(ModelInventoryApi);
  private readonly auth = inject(AuthStore);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly store = inject(ModelListStore);
  protected readonly columnPreferences = inject(ModelColumnPreferences);
  protected readonly columnOptions = MODEL_COLUMNS;
  protected readonly pageSizes = [...MODEL_PAGE_SIZES];
  protected readonly groupings = MODEL_GROUPINGS.map((value) => ({ label: GROUPING_LABELS[value], value }));

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly analyticsOpen = signal(false);
  /** The analytics panel (and chart.js) load the first time the drawer opens. */
  protected readonly analyticsRequested = signal(false);
  protected readonly exporting = signal(false);
  /** Where the column chooser opens, and how tall it may be there. */
  protected readonly columnsMenuPlacement = signal<ColumnsMenuPlacement>({ maxHeight: 480, yPosition: 'below' });

  protected readonly canWrite = computed(() => {
    const role = this.auth.user()?.role;
    return role !== undefined && WRITER_ROLES.includes(role);
  });
  protected readonly isAdmin = computed(() => this.auth.user()?.role === Role.Admin);

  /** Set when a Project or Framework filter is about to be used. */
  private readonly referenceDataWanted = signal(false);
  private readonly referenceLists = loadReferenceListsWhen(
    computed(() => this.referenceDataWanted() || needsReferenceData(this.store.view(), this.columnPreferences.visible())),
  );
  protected readonly projects = computed(() => this.referenceLists().projects);
  protected readonly frameworks = computed(() => this.referenceLists().frameworks);
  protected readonly names = computed<LinkNames>(() => ({
    frameworks: new Map(this.frameworks().map((framework) => [framework.id, framework.name])),
    projects: new Map(this.projects().map((project) => [project.id, project.name])),
  }));

  /** The card to highlight: Total without a status filter, a status when filtering by exactly that one. */
  protected readonly activeStatus = computed<ModelStatus | null | undefined>(() => {
    const statuses = this.store.filters().status;
    return statuses.length === 0 ? null : statuses.length === 1 ? statuses[0] : undefined;
  });
  protected readonly providerSuggestions = computed(() => distinct(this.store.items().map((model) => model.provider)));
  protected readonly approverSuggestions = computed(() => distinct(this.store.items().map((model) => model.approver)));
  protected readonly groupLabel = computed(() => GROUPING_LABELS[this.store.groupBy()]);
  protected readonly firstLoad = computed(() => this.store.page() === null && this.store.loading());
  protected readonly range = computed(() => {
    const page = this.store.page();
    if (!page || page.total === 0) return null;
    return { from: page.offset + 1, to: Math.min(page.offset + page.items.length, page.total), total: page.total };
  });

  constructor() {
    // index.html's picture of this page stays up until the page shows its first rows itself (or why there are none).
    const injector = inject(Injector);
    const firstRowsShown = effect(() => {
      if (this.firstLoad()) return;
      afterNextRender(() => releaseFirstScreenPaint(), { injector });
      firstRowsShown.destroy();
    });
    this.search.valueChanges
      .pipe(debounceTime(FILTER_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((search) => {
        if (search.trim() !== this.store.filters().search) {
          this.store.setFilters({ search: search.trim() });
        }
      });
    // Keep the box in step with the URL (Back button, shared links, "Clear filters").
    effect(() => {
      const search = this.store.filters().search;
      if (this.search.value.trim() !== search) {
        this.search.setValue(search, { emitEvent: false });
      }
    });
  }

  /**
   * Sizes the column chooser to the room beside its button before it opens (pointer down comes before the click that
   * opens it): it then stays attached to the button, scrolling inside if need be, instead of being pushed over the
   * header of the page.
   */
  protected placeColumnsMenu(event: Event): void {
    this.columnsMenuPlacement.set(placeColumnsMenu((event.currentTarget as HTMLElement).getBoundingClientRect(), window.innerHeight));
  }

  protected loadReferenceData(): void {
    this.referenceDataWanted.set(true);
  }

  protected isVisible(key: ModelColumnKey): boolean {
    return this.columnPreferences.visible().includes(key);
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

  protected openModel(model: ModelInventoryResponse): void {
    void this.router.navigate([model.id], { queryParamsHandling: 'preserve', relativeTo: this.route });
  }

  protected newModel(): void {
    void this.router.navigate(['new'], { queryParamsHandling: 'preserve', relativeTo: this.route });
  }

  protected toggleAnalytics(): void {
    this.analyticsRequested.set(true);
    this.analyticsOpen.update((open) => !open);
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
    this.withShares((shares) => shares.openCreateShareDialog(this.dialog, { filters, resource: 'models' }));
  }

  protected manageShareLinks(): void {
    this.withShares((shares) => shares.openShareLinksDialog(this.dialog, { canWrite: this.canWrite() }));
  }

  private withShares(open: (shares: typeof import('@model-inventory/web-shares-feature')) => void): void {
    import('@model-inventory/web-shares-feature').then(open, () =>
      this.snackBar.open('Sharing could not be loaded. Reload the page and try again.', 'Dismiss', { duration: 8000 }),
    );
  }

  protected export(format: ExportFormat): void {
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

  /** The rows and columns on screen, through the browser's print dialog. */
  protected print(): void {
    const range = this.range();
    const organization = this.auth.organization()?.name ?? 'Model Inventory';
    printHtml(
      printDocument({
        columns: this.columnPreferences.visible(),
        models: this.store.items(),
        names: this.names(),
        subtitle: [
          range ? `Models ${range.from}–${range.to} of ${range.total}` : 'No models',
          this.store.hasActiveFilters() ? 'filtered' : 'all models',
          `printed ${new Date().toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}`,
        ].join(' · '),
        title: `${organization} — Model register`,
      }),
    );
  }

  protected clearDemoData(): void {
    const count = this.store.demoModelCount();
    confirmAction(this.dialog, {
      confirmLabel: 'Clear demo data',
      destructive: true,
      message: `The ${count} demo ${count === 1 ? 'model' : 'models'} that came with your workspace will be deleted. Models you registered are kept.`,
      title: 'Clear the demo data?',
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((confirmed) => {
        if (!confirmed) return;
        this.api
          .clearDemoData()
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe(() => {
            this.snackBar.open('Demo data cleared.', undefined, { duration: 4000 });
            this.store.reload();
          });
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

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}
