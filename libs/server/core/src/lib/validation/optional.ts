import { applyDecorators } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Max, Min, ValidateIf } from 'class-validator';

/** The largest id PostgreSQL's `integer` holds; larger ids cannot name any row. */
export const MAX_ID = 2_147_483_647;

/**
 * The property may be absent; when present, every rule applies, so `null` is refused like any other wrong
 * type (class-validator's `IsOptional` would let `null` through to a NOT NULL column). Nullable properties
 * keep `IsOptional`.
 */
export const Optional = () => ValidateIf((_object, value) => value !== undefined);

/**
 * A PATCH body: every property of `create` may be absent, none may be `null` unless `create` allows it.
 * Swagger's PartialType with `skipNullProperties: false` applies `Optional` semantics.
 */
export function PatchType<T>(create: new () => T) {
  return PartialType(create, { skipNullProperties: false });
}

/** A positive 32-bit id. */
export const IsId = (message?: string) => applyDecorators(IsInt(message ? { message } : undefined), Min(1), Max(MAX_ID));

/** A list of distinct positive 32-bit ids, e.g. `projects: [1, 2]`. */
export const IdList = (maxItems = 100) =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique(),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(MAX_ID, { each: true, message: ({ property }) => `each value in ${property} must be an id no larger than ${MAX_ID}` }),
  );
