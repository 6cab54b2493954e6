import { ValueTransformer } from 'typeorm';

/** bigserial ids come back from pg as strings; they stay far below 2^53, so a number is safe. */
export const bigintToNumber: ValueTransformer = {
  from: (value: string | null) => (value === null ? null : Number(value)),
  to: (value: number | undefined) => value,
};
