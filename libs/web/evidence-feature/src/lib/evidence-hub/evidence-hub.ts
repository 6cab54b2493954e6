import { DecimalPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import { EvidenceResponse, WebRoutes } from '@model-inventory/contracts';
import { EVIDENCE_GROUPINGS, EVIDENCE_PAGE_SIZES, EvidenceGrouping, EvidenceListStore } from '@model-inventory/web-evidence-data-access';
import { ModelInventoryApi } from '@model-inventory/web-inventory-data-access';
import { EmptyState } from '@model-inventory/web-shared-ui';
import { catchError, debounceTime, distinctUntilChanged, map, of } from 'rxjs';
import { EvidenceActions } from '../evidence-actions';
import { EvidenceFilters, ModelChoice } from '../evidence-filters/evidence-filters';
import { EvidenceTable } from '../evidence-table/evidence-table';
import { EvidenceUpload } from '../evidence-upload/evidence-upload';

export const SEARCH_DEBOUNCE_MS = 300;
/** The model filter offers this many models (by name); a model beyond them can still be chosen from a row's link. */
const MODEL_CHOICES = 500;

const GROUPING_LABELS: Readonly<Record<EvidenceGrouping, string>> = {
  model: 'Model',
  none: 'None',
  type: 'Type',
  uploader: 'Uploader',
};

/** The Evidence tab: every evidence file of the organisation's models, filtered, searched, sorted, grouped and paged. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DecimalPipe,
    EmptyState,
    EvidenceFilters,
    EvidenceTable,
    EvidenceUpload,
    MatButton,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatOption,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSelect,
    MatSelectTrigger,
    MatSuffix,
    MatTooltip,
    ReactiveFormsModule,
    RouterLink,
  ],
  providers: [EvidenceListStore],
  selector: 'mi-evidence-hub',
  styleUrl: './evidence-hub.scss',
  templateUrl: './evidence-hub.html',
})
export class EvidenceHub {
  private readonly actions = inject(EvidenceActions);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly store = inject(EvidenceListStore);
  protected readonly canWrite = this.actions.canWrite;
  protected readonly pageSizes = [...EVIDENCE_PAGE_SIZES];
  protected readonly groupings = EVIDENCE_GROUPINGS.map((value) => ({ label: GROUPING_LABELS[value], value }));
  protected readonly groupLabel = computed(() => GROUPING_LABELS[this.store.groupBy()]);
  /** Says how far a group reaches: across pages when sorted by its field, else only this page. */
  protected readonly groupHint = computed(() =>
    this.store.groupsSpanPages() ? `Sorted by ${this.groupLabel().toLowerCase()}; counts are of this page` : 'Grouped within this page',
  );
  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly modelsLink = ['/', WebRoutes.modelInventory, 'models'];
  /** The upload area for the filtered model, opened on demand. */
  protected readonly uploadOpen = signal(false);

  protected readonly models = toSignal(
    inject(ModelInventoryApi)
      .list({ include_demo: true, limit: MODEL_CHOICES, sort: 'model:asc' })
      .pipe(
        map((page): ModelChoice[] => page.items.map((model) => ({ id: model.id, label: `${model.model} ${model.version} · ${model.provider}` }))),
        catchError(() => of<ModelChoice[]>([])),
      ),
    { initialValue: [] },
  );
  protected readonly firstLoad = computed(() => this.store.page() === null && this.store.loading());
  protected readonly range = computed(() => {
    const page = this.store.page();
    if (!page || page.total === 0) return null;
    return { from: page.offset + 1, to: Math.min(page.offset + page.items.length, page.total), total: page.total };
  });

  constructor() {
    this.search.valueChanges.pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged(), takeUntilDestroyed()).subscribe((search) => {
      if (search.trim() !== this.store.filters().search) this.store.setFilters({ search: search.trim() });
    });
    // Keep the box in step with the URL (Back button, shared links, "Clear filters").
    effect(() => {
      const search = this.store.filters().search;
      if (this.search.value.trim() !== search) this.search.setValue(search, { emitEvent: false });
    });
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

  protected download(evidence: EvidenceResponse): void {
    this.actions.download(evidence);
  }

  protected remove(evidence: EvidenceResponse): void {
    this.actions
      .remove(evidence)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((removed) => removed && this.store.reload());
  }
}
