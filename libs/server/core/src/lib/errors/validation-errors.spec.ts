import { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation-errors';

const failure = (property: string, constraints?: Record<string, string>, children: ValidationError[] = []): ValidationError => ({ property, constraints, children });

describe('toFieldErrors', () => {
  it('names nested fields by their path, one entry per field with its messages joined', () => {
    const errors = [failure('items', undefined, [failure('2', undefined, [failure('risk_level', { isEnum: 'risk_level must be one of: Low', isDefined: 'risk_level is required' })])])];
    expect(toFieldErrors(errors)).toEqual([{ field: 'items.2.risk_level', message: 'risk_level must be one of: Low; risk_level is required' }]);
  });

  it('names a field that is itself wrong alone, not what its members broke as well', () => {
    const errors = [failure('items', { batchSize: 'items must hold 1 to 100 risks (101 sent)' }, [failure('0', undefined, [failure('owner', { isString: 'owner must be text' })])])];
    expect(toFieldErrors(errors)).toEqual([{ field: 'items', message: 'items must hold 1 to 100 risks (101 sent)' }]);
  });

  it('says an unknown property is not allowed, under its parent', () => {
    expect(toFieldErrors([failure('organization_id', { whitelistValidation: 'property organization_id should not exist' })], 'items.0')).toEqual([
      { field: 'items.0.organization_id', message: 'organization_id is not an allowed field' },
    ]);
  });
});
