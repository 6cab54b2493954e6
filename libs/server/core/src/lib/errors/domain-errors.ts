import { FieldError } from '@model-inventory/contracts';

/** An error a service throws on purpose; the problem filter turns it into its HTTP status. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not Found';
  constructor(resource: string, id: number | string) {
    super(`${resource} ${id} was not found.`);
  }
}

export class ValidationFailedError extends DomainError {
  readonly status = 400;
  readonly title: string = 'Validation Failed';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  }

  static forField(field: string, message: string): ValidationFailedError {
    return new ValidationFailedError([{ field, message }]);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';
}

export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly title = 'Precondition Failed';
}

export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
  readonly title = 'Service Unavailable';
}
