import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';

/** A required, trimmed, bounded text field. */
export const Text = (max: number) => applyDecorators(IsString(), IsNotEmpty(), MaxLength(max));

/** A list of distinct positive ids, e.g. `projects: [1, 2]`. */
export const IdList = () =>
  applyDecorators(IsArray(), ArrayMaxSize(100), ArrayUnique(), IsInt({ each: true }), Min(1, { each: true }));

export const TrimEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value));

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
