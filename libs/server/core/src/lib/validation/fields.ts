import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsString, Matches, MaxLength, Validate, ValidationArguments, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';

/** A required, bounded text field (trim it with `Trim()` before). */
export const Text = (max: number) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(max));

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A `YYYY-MM-DD` that names a day of the calendar (no 2025-02-30). */
export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

@ValidatorConstraint({ name: 'realDate' })
class RealDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isRealDate(value);
  }
  defaultMessage(args?: ValidationArguments): string {
    return `${args?.property ?? 'date'} must be a real calendar date (YYYY-MM-DD)`;
  }
}

/** A calendar date, `YYYY-MM-DD`, kept as text so no time zone shifts the day. */
export const CalendarDate = () =>
  applyDecorators(Matches(ISO_DATE, { message: ({ property }) => `${property} must be a date in the form YYYY-MM-DD` }), Validate(RealDate));
