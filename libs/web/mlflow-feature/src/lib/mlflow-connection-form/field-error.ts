import { ValidationErrors } from '@angular/forms';

/** The message under a field: the server's when it named the field, else the first client-side rule it breaks. */
export function fieldError(errors: ValidationErrors | null, label: string, expected = 'valid'): string {
  if (!errors) return '';
  if (errors['server']) return String(errors['server']);
  if (errors['required']) return `${label} is required.`;
  return `${label} must be ${expected}.`;
}
