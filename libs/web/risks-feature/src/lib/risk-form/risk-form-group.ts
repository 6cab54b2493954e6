// The risk form's controls and validation (as the API validates), its error messages, and its values to and from
// the API's shapes. The `RiskForm` component draws it; the risk dialog owns it.
import { AbstractControl, FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import {
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskRequest,
  ModelRiskResponse,
  RISK_TEXT_MAX,
  RiskRating,
} from '@model-inventory/contracts';
import { fromIsoDate, toIsoDate } from '../risk-details';

/** Limits as the API validates them (ModelRiskDto). */
export const RISK_LIMITS = { name: 300, owner: 200, text: RISK_TEXT_MAX } as const;

const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === '' ? { required: true } : null;

const requiredText = (max: number) =>
  new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(max)] });
const optionalText = () => new FormControl('', { nonNullable: true, validators: [Validators.maxLength(RISK_LIMITS.text)] });

export function createRiskForm() {
  return new FormGroup({
    current_values: optionalText(),
    description: optionalText(),
    impact: new FormControl<RiskRating | null>(null),
    key_metrics: optionalText(),
    likelihood: new FormControl<RiskRating | null>(null),
    mitigation_plan: optionalText(),
    model_id: new FormControl<number | null>(null, { validators: [Validators.required] }),
    owner: requiredText(RISK_LIMITS.owner),
    risk_category: new FormControl<ModelRiskCategory | null>(null, { validators: [Validators.required] }),
    risk_level: new FormControl<ModelRiskLevel | null>(null, { validators: [Validators.required] }),
    risk_name: requiredText(RISK_LIMITS.name),
    target_date: new FormControl<Date | null>(null, { validators: [Validators.required] }),
    threshold: optionalText(),
  });
}

export type RiskFormGroup = ReturnType<typeof createRiskForm>;
export type RiskFormValue = ReturnType<RiskFormGroup['getRawValue']>;

export function formValueOf(risk: ModelRiskResponse): RiskFormValue {
  return {
    current_values: risk.current_values ?? '',
    description: risk.description ?? '',
    impact: risk.impact,
    key_metrics: risk.key_metrics ?? '',
    likelihood: risk.likelihood,
    mitigation_plan: risk.mitigation_plan ?? '',
    model_id: risk.model_id,
    owner: risk.owner,
    risk_category: risk.risk_category,
    risk_level: risk.risk_level,
    risk_name: risk.risk_name,
    target_date: fromIsoDate(risk.target_date),
    threshold: risk.threshold ?? '',
  };
}

/**
 * The body of a create or of a PUT (a full update) for the form's values: every field, trimmed, empty optional text
 * as `null` (cleared), the date as `YYYY-MM-DD`. `status` is left out: a new risk starts Open, an edit keeps it (status
 * changes are transitions of their own).
 */
export function toRiskRequest(value: RiskFormValue): ModelRiskRequest {
  const optional = (text: string) => text.trim() || null;
  return {
    current_values: optional(value.current_values),
    description: optional(value.description),
    impact: value.impact,
    key_metrics: optional(value.key_metrics),
    likelihood: value.likelihood,
    mitigation_plan: optional(value.mitigation_plan),
    model_id: value.model_id ?? 0,
    owner: value.owner.trim(),
    risk_category: value.risk_category as ModelRiskCategory,
    risk_level: value.risk_level as ModelRiskLevel,
    risk_name: value.risk_name.trim(),
    target_date: value.target_date ? toIsoDate(value.target_date) : '',
    threshold: optional(value.threshold),
  };
}

/** The message under a field, for the first error it has; server messages win. */
export function errorMessage(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (errors['server']) return String(errors['server']);
  if (errors['required']) return `${label} is required.`;
  if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
  if (errors['matDatepickerParse']) return 'Enter a valid date.';
  return `${label} is not valid.`;
}
