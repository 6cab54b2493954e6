import { ShareFilters, ShareResource } from '@model-inventory/contracts';
import { toFieldErrors, ValidationFailedError } from '@model-inventory/server-core';
import { ModelInventoryFilterDto } from '@model-inventory/server-inventory';
import { ModelRiskFilterDto } from '@model-inventory/server-risks';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

/**
 * The filters a share stores, checked by the same DTO (and so the same rules and messages) as the register's list
 * endpoint: an unknown key or a bad value is a 400 naming `filters.<key>`. Returned as applied (lists split, ids as
 * numbers), so what the list shows is what the link will show.
 */
export async function validShareFilters(resource: ShareResource, filters: object = {}): Promise<ShareFilters> {
  const plain = filters as Record<string, unknown>;
  const instance = resource === 'models' ? plainToInstance(ModelInventoryFilterDto, plain) : plainToInstance(ModelRiskFilterDto, plain);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ValidationFailedError(toFieldErrors(errors, 'filters'));
  if (instance instanceof ModelRiskFilterDto && instance.filter !== 'active') {
    throw ValidationFailedError.forField('filters.filter', 'a share shows active risks only: filter must be active');
  }
  return JSON.parse(JSON.stringify(instance)) as ShareFilters;
}
