import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '../errors/domain-errors';
import { validationExceptionFactory } from '../errors/validation-errors';
import { inputSafetyErrors } from './input-safety';

/**
 * The global pipe: refuses structurally unsafe input (see `inputSafetyErrors`) before class-transformer and
 * class-validator recurse over it, then validates and transforms against the DTO, refusing unknown fields.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ exceptionFactory: validationExceptionFactory, forbidNonWhitelisted: true, transform: true, whitelist: true });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inputSafetyErrors(value, metadata.data ?? metadata.type);
      if (errors.length > 0) throw new ValidationFailedError(errors);
    }
    return super.transform(value, metadata);
  }
}
