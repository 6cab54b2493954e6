import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { provideNativeDateAdapter } from '@angular/material/core';
import { MatDatepicker, MatDatepickerInput, MatDatepickerToggle } from '@angular/material/datepicker';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectTrigger } from '@angular/material/select';
import { ModelRiskLevel, RISK_RATINGS, RiskModelSummary, RiskRating } from '@model-inventory/contracts';
import { RISK_CATEGORIES, RISK_LEVELS } from '@model-inventory/web-risks-data-access';
import { merge, startWith } from 'rxjs';
import { ModelPicker } from '../model-picker/model-picker';
import { RiskChip } from '../risk-chip/risk-chip';
import { LEVEL_DETAILS } from '../risk-details';
import { cellSeverity } from '../risk-matrix/matrix-cells';
import { errorMessage, RISK_LIMITS, RiskFormGroup } from './risk-form-group';

/**
 * The fields of a risk (what it is, its assessment, mitigation and monitoring) with their validation messages.
 * The form group comes from the owner (`createRiskForm()`), which also saves it: submitting (Enter, or a button with
 * `form="risk-form"`) emits `submitted`. The status is not a field: it changes through the workflow's actions.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatDatepicker,
    MatDatepickerInput,
    MatDatepickerToggle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSelectTrigger,
    MatSuffix,
    ModelPicker,
    ReactiveFormsModule,
    RiskChip,
  ],
  providers: [provideNativeDateAdapter()],
  selector: 'mi-risk-form',
  styleUrl: './risk-form.scss',
  templateUrl: './risk-form.html',
})
export class RiskForm {
  readonly form = input.required<RiskFormGroup>();
  /** The model of the risk being edited, so the model field names it without a lookup. */
  readonly model = input<RiskModelSummary | null>(null);
  readonly submitted = output<void>();

  protected readonly levels = RISK_LEVELS;
  protected readonly levelDetails = LEVEL_DETAILS;
  protected readonly categories = RISK_CATEGORIES;
  protected readonly ratings = RISK_RATINGS;
  protected readonly limits = RISK_LIMITS;

  /** The matrix cell's severity for the chosen impact and likelihood, shown as a hint. */
  protected readonly severity = signal<ModelRiskLevel | null>(null);

  constructor() {
    effect((onCleanup) => {
      const { impact, likelihood } = this.form().controls;
      const subscription = merge(impact.valueChanges, likelihood.valueChanges)
        .pipe(startWith(null))
        .subscribe(() => this.severity.set(severityOf(impact.value, likelihood.value)));
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected errorOf(name: keyof RiskFormGroup['controls'], label: string): string {
    return errorMessage(this.form().controls[name], label);
  }
}

function severityOf(impact: RiskRating | null, likelihood: RiskRating | null): ModelRiskLevel | null {
  return impact && likelihood ? cellSeverity(impact, likelihood) : null;
}
