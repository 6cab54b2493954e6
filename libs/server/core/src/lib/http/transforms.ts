import { Transform } from 'class-transformer';

/** Trims strings before validation, so "  " counts as empty. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export const LowerCaseTrim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));
