import { AbstractControl } from '@angular/forms';
import { describeHttpError, problemOf } from './problem';

/**
 * Shows a failed submission on its form: each field error from the problem becomes a `server`
 * error on the control of the same name. Returns the message to show above the form, or null
 * when every error found its field.
 */
export function applyProblemToForm(form: AbstractControl, error: unknown): string | null {
  const problem = problemOf(error);
  const fieldErrors = problem?.errors ?? [];
  if (fieldErrors.length === 0) {
    return problem?.detail || describeHttpError(error);
  }
  const unmatched: string[] = [];
  for (const { field, message } of fieldErrors) {
    const control = form.get(field);
    if (control) {
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
    } else {
      unmatched.push(message);
    }
  }
  return unmatched.length > 0 ? unmatched.join(' ') : null;
}
