import { Param, PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-errors';

const MAX_ID = 2_147_483_647;

/** Path ids are positive 32-bit integers; anything else is a 400 that names the parameter. */
export class PositiveIntPipe implements PipeTransform<string, number> {
  constructor(private readonly name: string) {}

  transform(value: string): number {
    const id = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_ID) {
      throw ValidationFailedError.forField(this.name, `${this.name} must be a positive integer`);
    }
    return id;
  }
}

export const IdParam = (name = 'id') => Param(name, new PositiveIntPipe(name));

