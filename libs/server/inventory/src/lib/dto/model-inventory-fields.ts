import { Transform } from 'class-transformer';

/** Trims each string of a list before validation. */
export const TrimEach = () =>
  Transform(({ value }) => (Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value));
