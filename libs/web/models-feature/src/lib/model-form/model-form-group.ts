// The model form's controls and validation (as the API validates), its error messages, and its values to and from
// the API's shapes. The `ModelForm` component draws it; the model dialog owns it.
import { AbstractControl, FormControl, FormGroup, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import {
  CreateModelInventoryRequest,
  ModelInventoryResponse,
  ModelStatus,
  UpdateModelInventoryRequest,
} from '@model-inventory/contracts';

/** Limits as the API validates them (CreateModelInventoryDto). */
export const MODEL_LIMITS = {
  approver: 254,
  capabilities: 50,
  capability: 100,
  longText: 10_000,
  referenceLink: 2048,
  shortText: 200,
  statusRationale: 2000,
  version: 100,
} as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === '' ? { required: true } : null;

export const email: ValidatorFn = (control) =>
  !control.value || EMAIL.test(String(control.value).trim()) ? null : { email: true };

export const httpUrl: ValidatorFn = (control) =>
  !control.value || HTTP_URL.test(String(control.value).trim()) ? null : { url: true };

export const capabilitiesValid: ValidatorFn = (control: AbstractControl<string[]>): ValidationErrors | null => {
  const values = control.value ?? [];
  if (values.length === 0) return { atLeastOne: true };
  if (values.length > MODEL_LIMITS.capabilities) return { tooMany: { max: MODEL_LIMITS.capabilities } };
  if (values.some((value) => value.length > MODEL_LIMITS.capability)) return { capabilityTooLong: { max: MODEL_LIMITS.capability } };
  return null;
};

const text = (max: number) => new FormControl('', { nonNullable: true, validators: [Validators.required, notBlank, Validators.maxLength(max)] });

export function createModelForm() {
  return new FormGroup({
    approver: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MODEL_LIMITS.approver), email],
    }),
    biases: text(MODEL_LIMITS.longText),
    capabilities: new FormControl<string[]>([], { nonNullable: true, validators: [capabilitiesValid] }),
    frameworks: new FormControl<number[]>([], { nonNullable: true }),
    hosting_provider: text(MODEL_LIMITS.shortText),
    limitations: text(MODEL_LIMITS.longText),
    model: text(MODEL_LIMITS.shortText),
    projects: new FormControl<number[]>([], { nonNullable: true }),
    provider: text(MODEL_LIMITS.shortText),
    reference_link: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(MODEL_LIMITS.referenceLink), httpUrl],
    }),
    security_assessment: new FormControl(false, { nonNullable: true }),
    status: new FormControl<ModelStatus>(ModelStatus.PENDING, { nonNullable: true }),
    /** Why this status: sent with an Approved, Restricted or Blocked decision, recorded in its approval record. */
    status_rationale: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(MODEL_LIMITS.statusRationale)] }),
    status_date: new FormControl<Date | null>(startOfToday(), { validators: [Validators.required] }),
    version: text(MODEL_LIMITS.version),
  });
}

export type ModelFormGroup = ReturnType<typeof createModelForm>;
export type ModelFormValue = ReturnType<ModelFormGroup['getRawValue']>;

export function formValueOf(model: ModelInventoryResponse): ModelFormValue {
  return {
    approver: model.approver,
    biases: model.biases,
    capabilities: [...model.capabilities],
    frameworks: [...model.frameworks],
    hosting_provider: model.hosting_provider,
    limitations: model.limitations,
    model: model.model,
    projects: [...model.projects],
    provider: model.provider,
    reference_link: model.reference_link,
    security_assessment: model.security_assessment,
    status: model.status,
    status_rationale: '',
    status_date: fromIsoDate(model.status_date),
    version: model.version,
  };
}

/** A rationale goes with an Approved, Restricted or Blocked status only, as the API requires. */
function rationaleOf(value: ModelFormValue): string | undefined {
  const rationale = value.status_rationale.trim();
  return rationale && value.status !== ModelStatus.PENDING ? rationale : undefined;
}

/** The request body for the form's values: trimmed, the date as `YYYY-MM-DD`. */
export function toCreateRequest(value: ModelFormValue): CreateModelInventoryRequest {
  const rationale = rationaleOf(value);
  return {
    ...(rationale ? { status_rationale: rationale } : {}),
    approver: value.approver.trim(),
    biases: value.biases.trim(),
    capabilities: value.capabilities.map((capability) => capability.trim()).filter(Boolean),
    frameworks: [...value.frameworks],
    hosting_provider: value.hosting_provider.trim(),
    limitations: value.limitations.trim(),
    model: value.model.trim(),
    projects: [...value.projects],
    provider: value.provider.trim(),
    reference_link: value.reference_link.trim(),
    security_assessment: value.security_assessment,
    status: value.status,
    status_date: value.status_date ? toIsoDate(value.status_date) : '',
    version: value.version.trim(),
  };
}

/**
 * Only the fields that differ from the model as it was read, so a PATCH never re-sends a status
 * the user may not set (an Editor saving an Approved model's description) and history stays exact.
 */
export function toUpdateRequest(value: ModelFormValue, model: ModelInventoryResponse): UpdateModelInventoryRequest {
  const { status_rationale: rationale, ...next } = toCreateRequest(value);
  const changes: Record<string, unknown> = {};
  // A rationale makes the status a decision, even an unchanged one: that is how a model is re-approved.
  if (rationale) Object.assign(changes, { status: value.status, status_rationale: rationale });
  for (const [key, newValue] of Object.entries(next) as [keyof CreateModelInventoryRequest, unknown][]) {
    const oldValue: unknown = model[key];
    const same =
      key === 'projects' || key === 'frameworks'
        ? sameIds(oldValue as number[], newValue as number[])
        : JSON.stringify(oldValue) === JSON.stringify(newValue);
    if (!same) {
      changes[key] = newValue;
    }
  }
  return changes as UpdateModelInventoryRequest;
}

export function toIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `YYYY-MM-DD` as a local date (not UTC midnight, which is the day before west of Greenwich). */
export function fromIsoDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

function startOfToday(): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

function sameIds(a: readonly number[] = [], b: readonly number[] = []): boolean {
  return JSON.stringify([...a].sort((x, y) => x - y)) === JSON.stringify([...b].sort((x, y) => x - y));
}

/** The message under a field, for the first error it has; server messages win. */
export function errorMessage(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (errors['server']) return String(errors['server']);
  if (errors['required']) return `${label} is required.`;
  if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters.`;
  if (errors['email']) return 'Enter an e-mail address, e.g. jane.doe@company.com.';
  if (errors['url']) return 'Enter a link starting with http:// or https://.';
  if (errors['atLeastOne']) return 'Add at least one capability.';
  if (errors['tooMany']) return `List at most ${errors['tooMany'].max} capabilities.`;
  if (errors['capabilityTooLong']) return `Each capability must be at most ${errors['capabilityTooLong'].max} characters.`;
  if (errors['matDatepickerParse']) return 'Enter a valid date.';
  return `${label} is not valid.`;
}
