import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatIconButton } from '@angular/material/button';
import { ErrorStateMatcher, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel, MatSuffix, SubscriptSizing } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { ModelInventoryResponse, RiskModelSummary } from '@model-inventory/contracts';
import { ModelInventoryApi } from '@model-inventory/web-inventory-data-access';
import { catchError, debounceTime, distinctUntilChanged, filter, map, merge, of, startWith, Subject, switchMap } from 'rxjs';
import { modelLabel } from '../risk-details';

export const MODEL_SEARCH_DEBOUNCE_MS = 250;
const SUGGESTIONS = 20;

type ModelOption = Pick<ModelInventoryResponse, 'id' | 'provider' | 'model' | 'version'>;

/**
 * Picks a model by typing part of its provider, name or version: the register is searched on the server (it may
 * hold far more models than a select could list). The chosen model's id goes into `control`; clearing the text
 * clears it. Errors of `control` (required, the server's) show under the field.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSuffix,
    ReactiveFormsModule,
  ],
  selector: 'mi-model-picker',
  styleUrl: './model-picker.scss',
  templateUrl: './model-picker.html',
})
export class ModelPicker {
  private readonly api = inject(ModelInventoryApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly control = input.required<FormControl<number | null>>();
  readonly label = input('Model');
  /** The model of the control's value when the caller already knows it (a risk's `model`); else it is looked up. */
  readonly known = input<RiskModelSummary | null>(null);
  /** The message under the field while `control` is invalid. */
  readonly error = input('');
  readonly required = input(false);
  /** Shows a button that clears the choice (filters). */
  readonly clearable = input(false);
  readonly subscriptSizing = input<SubscriptSizing>('fixed');
  readonly testId = input('model-picker');

  protected readonly text = new FormControl<string | ModelOption>('', { nonNullable: true });
  protected readonly options = signal<readonly ModelOption[]>([]);
  protected readonly searching = signal(false);
  private readonly focused = new Subject<void>();
  /** The model shown in the field: the control's value with its label. */
  private readonly chosen = signal<{ id: number; label: string } | null>(null);
  protected readonly hasValue = computed(() => this.chosen() !== null);

  protected readonly errors: ErrorStateMatcher = {
    isErrorState: () => {
      const control = this.control();
      return control.invalid && control.touched;
    },
  };
  protected readonly display = (value: string | ModelOption | null) =>
    typeof value === 'string' ? value : value ? optionLabel(value) : '';

  constructor() {
    // Follow the control: its value (a form reset, the URL) and whether it is enabled.
    effect((onCleanup) => {
      const control = this.control();
      const subscription = merge(control.valueChanges, control.statusChanges)
        .pipe(startWith(null))
        .subscribe(() => untracked(() => this.follow(control)));
      onCleanup(() => subscription.unsubscribe());
    });
    // The caller may learn the model's name later (the rows of a filtered list): show it once it does.
    effect(() => {
      const known = this.known();
      untracked(() => {
        if (known && known.id === this.control().value && this.chosen()?.label !== optionLabel(known)) {
          this.show(known.id, optionLabel(known));
        }
      });
    });
    const typed = this.text.valueChanges.pipe(
      filter((value): value is string => typeof value === 'string'),
      map((value) => value.trim()),
    );
    merge(typed.pipe(debounceTime(MODEL_SEARCH_DEBOUNCE_MS)), this.focused.pipe(map(() => this.typedText())))
      .pipe(
        distinctUntilChanged(),
        switchMap((search) => {
          this.searching.set(true);
          return this.api.list({ limit: SUGGESTIONS, search: search || undefined, sort: 'model:asc' }).pipe(
            map((page) => page.items),
            catchError(() => of([])),
          );
        }),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((options) => {
        this.searching.set(false);
        this.options.set(options);
      });
  }

  protected onFocus(): void {
    this.focused.next();
  }

  protected choose(option: ModelOption): void {
    const control = this.control();
    this.chosen.set({ id: option.id, label: optionLabel(option) });
    if (control.value !== option.id) {
      control.setValue(option.id);
      control.markAsDirty();
    }
    control.markAsTouched();
  }

  /** When the panel closes without a choice: an emptied field clears the value, anything else shows it again. */
  protected settle(): void {
    const control = this.control();
    const value = this.text.value;
    if (typeof value === 'string' && value.trim() === '' && control.value !== null) {
      this.chosen.set(null);
      control.setValue(null);
      control.markAsDirty();
    }
    control.markAsTouched();
    this.text.setValue(this.chosen()?.label ?? '', { emitEvent: false });
  }

  protected clear(): void {
    this.text.setValue('', { emitEvent: false });
    this.settle();
  }

  /** What to search for: the typed text, or nothing while the field shows the chosen model. */
  private typedText(): string {
    const value = this.text.value;
    return typeof value === 'string' && value !== this.chosen()?.label ? value.trim() : '';
  }

  private follow(control: FormControl<number | null>): void {
    if (control.disabled !== this.text.disabled) {
      if (control.disabled) this.text.disable({ emitEvent: false });
      else this.text.enable({ emitEvent: false });
    }
    const id = control.value;
    if (id === this.chosen()?.id) return;
    if (id === null) {
      this.chosen.set(null);
      this.text.setValue('', { emitEvent: false });
      return;
    }
    const known = this.known();
    const found = known?.id === id ? known : this.options().find((option) => option.id === id);
    if (found) {
      this.show(id, optionLabel(found));
      return;
    }
    const placeholder = `Model #${id}`;
    this.show(id, placeholder);
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        error: () => undefined,
        next: ({ model }) => control.value === id && this.chosen()?.label === placeholder && this.show(id, optionLabel(model)),
      });
  }

  private show(id: number, label: string): void {
    this.chosen.set({ id, label });
    this.text.setValue(label, { emitEvent: false });
  }
}

function optionLabel(model: Pick<ModelOption, 'provider' | 'model' | 'version'>): string {
  return `${modelLabel(model)} · ${model.provider}`;
}
