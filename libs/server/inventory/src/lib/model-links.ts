import { FieldError } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';

export const distinctSorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** The 400 that names unknown project and framework ids, or null when none is unknown. */
export function unknownLinksError(missingProjects: number[], missingFrameworks: number[]): ValidationFailedError | null {
  const errors: FieldError[] = [];
  if (missingProjects.length) errors.push({ field: 'projects', message: `unknown project ids: ${missingProjects.join(', ')}` });
  if (missingFrameworks.length) errors.push({ field: 'frameworks', message: `unknown framework ids: ${missingFrameworks.join(', ')}` });
  return errors.length ? new ValidationFailedError(errors) : null;
}
