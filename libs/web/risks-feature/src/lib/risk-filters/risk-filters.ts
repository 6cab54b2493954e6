import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption as MatAutocompleteOption } from '@angular/material/autocomplete';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskStatus, RiskModelSummary } from '@model-inventory/contracts';
import { RISK_CATEGORIES, RISK_LEVELS, RISK_STATUSES, RiskListFilters } from '@model-inventory/web-risks-data-access';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import { ModelPicker } from '../model-picker/model-picker';

export const FILTER_DEBOUNCE_MS = 300;

type Overdue = 'yes' | 'no' | null;

/** The filter fields above the risks table. Emits changes; the store puts them in the URL. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatAutocomplete,
    MatAutocompleteOption,
    MatAutocompleteTrigger,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ModelPicker,
    ReactiveFormsModule,
  ],
  selector: 'mi-risk-filters',
  styleUrl: './risk-filters.scss',
  templateUrl: './risk-filters.html',
})
export class RiskFilters {
  readonly filters = input.required<RiskListFilters>();
  /** The filtered model when the page knows it (from the rows), so its name shows without a lookup. */
  readonly model = input<RiskModelSummary | null>(null);
  /** Owners seen so far, offered as suggestions. */
  readonly ownerSuggestions = input<readonly string[]>([]);
  readonly filtersChanged = output<Partial<RiskListFilters>>();

  protected readonly levels = RISK_LEVELS;
  protected readonly categories = RISK_CATEGORIES;
  protected readonly statuses = RISK_STATUSES;
  protected readonly owner = new FormControl('', { nonNullable: true });
  protected readonly modelId = new FormControl<number | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    // The owner applies once the user pauses typing.
    this.owner.valueChanges
      .pipe(
        debounceTime(FILTER_DEBOUNCE_MS),
        map((value) => value.trim()),
        distinctUntilChanged(),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((owner) => owner !== this.filters().owner && this.filtersChanged.emit({ owner }));
    this.modelId.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((model_id) => model_id !== this.filters().model_id && this.filtersChanged.emit({ model_id }));
    // The URL may change under the inputs (Back button, a shared link, "Clear filters").
    effect(() => {
      const { model_id, owner } = this.filters();
      if (this.owner.value.trim() !== owner) this.owner.setValue(owner, { emitEvent: false });
      if (this.modelId.value !== model_id) this.modelId.setValue(model_id);
    });
  }

  protected overdueOf(value: boolean | null): Overdue {
    return value === null ? null : value ? 'yes' : 'no';
  }

  protected changeLevels(event: MatSelectChange<ModelRiskLevel[]>): void {
    this.filtersChanged.emit({ risk_level: RISK_LEVELS.filter((level) => event.value.includes(level)) });
  }

  protected changeCategories(event: MatSelectChange<ModelRiskCategory[]>): void {
    this.filtersChanged.emit({ risk_category: RISK_CATEGORIES.filter((category) => event.value.includes(category)) });
  }

  protected changeStatuses(event: MatSelectChange<ModelRiskStatus[]>): void {
    this.filtersChanged.emit({ status: RISK_STATUSES.filter((status) => event.value.includes(status)) });
  }

  protected changeOverdue(event: MatSelectChange<Overdue>): void {
    this.filtersChanged.emit({ overdue: event.value === null ? null : event.value === 'yes' });
  }

  protected applyOwner(value: string): void {
    if (value.trim() !== this.filters().owner) {
      this.filtersChanged.emit({ owner: value.trim() });
    }
  }

  protected matching(options: readonly string[], typed: string): string[] {
    const needle = typed.trim().toLowerCase();
    return options.filter((option) => option.toLowerCase().includes(needle) && option.toLowerCase() !== needle).slice(0, 8);
  }
}
