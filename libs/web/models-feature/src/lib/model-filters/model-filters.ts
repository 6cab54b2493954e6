import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, output } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption as MatAutocompleteOption } from '@angular/material/autocomplete';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';
import { FrameworkResponse, ModelStatus, ProjectResponse } from '@model-inventory/contracts';
import { MODEL_STATUSES, ModelListFilters } from '@model-inventory/web-inventory-data-access';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';

export const FILTER_DEBOUNCE_MS = 300;

type Assessment = 'yes' | 'no' | null;

/** The filter fields above the table. Emits changes; the store puts them in the URL. */
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
    ReactiveFormsModule,
  ],
  selector: 'mi-model-filters',
  styleUrl: './model-filters.scss',
  templateUrl: './model-filters.html',
})
export class ModelFilters {
  readonly filters = input.required<ModelListFilters>();
  readonly projects = input<readonly ProjectResponse[]>([]);
  readonly frameworks = input<readonly FrameworkResponse[]>([]);
  /** Providers and approvers seen so far, offered as suggestions. */
  readonly providerSuggestions = input<readonly string[]>([]);
  readonly approverSuggestions = input<readonly string[]>([]);
  readonly filtersChanged = output<Partial<ModelListFilters>>();
  /** The pointer or focus reached the Project or Framework filter: their options are about to be needed. */
  readonly referenceDataWanted = output();

  protected readonly statuses = MODEL_STATUSES;
  protected readonly provider = new FormControl('', { nonNullable: true });
  protected readonly approver = new FormControl('', { nonNullable: true });

  constructor() {
    const destroyRef = inject(DestroyRef);
    // Free-text filters apply once the user pauses typing.
    for (const [control, key] of [
      [this.provider, 'provider'],
      [this.approver, 'approver'],
    ] as const) {
      control.valueChanges
        .pipe(
          debounceTime(FILTER_DEBOUNCE_MS),
          map((value) => value.trim()),
          distinctUntilChanged(),
          takeUntilDestroyed(destroyRef),
        )
        .subscribe((value) => {
          if (value !== this.filters()[key]) {
            this.filtersChanged.emit({ [key]: value });
          }
        });
    }
    // The URL may change under the inputs (Back button, a shared link, "Clear filters").
    effect(() => {
      const { approver, provider } = this.filters();
      if (this.provider.value.trim() !== provider) this.provider.setValue(provider, { emitEvent: false });
      if (this.approver.value.trim() !== approver) this.approver.setValue(approver, { emitEvent: false });
    });
  }

  protected assessmentOf(value: boolean | null): Assessment {
    return value === null ? null : value ? 'yes' : 'no';
  }

  protected changeStatuses(event: MatSelectChange<ModelStatus[]>): void {
    this.filtersChanged.emit({ status: MODEL_STATUSES.filter((status) => event.value.includes(status)) });
  }

  protected changeAssessment(event: MatSelectChange<Assessment>): void {
    this.filtersChanged.emit({ security_assessment: event.value === null ? null : event.value === 'yes' });
  }

  protected changeProject(event: MatSelectChange<number | null>): void {
    this.filtersChanged.emit({ project_id: event.value });
  }

  protected changeFramework(event: MatSelectChange<number | null>): void {
    this.filtersChanged.emit({ framework_id: event.value });
  }

  protected applyNow(key: 'provider' | 'approver', value: string): void {
    if (value.trim() !== this.filters()[key]) {
      this.filtersChanged.emit({ [key]: value.trim() });
    }
  }

  protected matching(options: readonly string[], typed: string): string[] {
    const needle = typed.trim().toLowerCase();
    return options.filter((option) => option.toLowerCase().includes(needle) && option.toLowerCase() !== needle).slice(0, 8);
  }
}
