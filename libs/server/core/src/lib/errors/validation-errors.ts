import { ValidationError } from '@nestjs/common';
import { FieldError } from '@model-inventory/contracts';
import { ValidationFailedError } from './domain-errors';

function messageFor(error: ValidationError): string {
  const constraints = error.constraints ?? {};
  if (constraints['whitelistValidation']) return `${error.property} is not an allowed field`;
  return Object.values(constraints).join('; ');
}

/**
 * Flattens class-validator's tree into one entry per failing field (`a.b`, `items.0.name`). A field that is itself
 * wrong (not a list, too long) is named alone: what its members broke says nothing more.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) return [{ field, message: messageFor(error) }];
    return toFieldErrors(error.children ?? [], field);
  });
}

export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedError {
  return new ValidationFailedError(toFieldErrors(errors));
}
