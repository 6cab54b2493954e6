import { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; our ids stay far below 2^53, so they are safe as numbers. */
export const bigintToNumber: ValueTransformer = {
  from: (value: string | null) => (value === null ? null : Number(value)),
  to: (value: number | null | undefined) => value,
};
