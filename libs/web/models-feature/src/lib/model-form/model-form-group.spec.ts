import { ModelStatus } from '@model-inventory/contracts';
import { aModel } from '@model-inventory/web-inventory-data-access';
import { createModelForm, formValueOf, fromIsoDate, toIsoDate, toUpdateRequest } from './model-form-group';

describe('model form', () => {
  it('reads and writes status dates as local calendar days', () => {
    const date = fromIsoDate('2026-03-01');
    expect(date?.getDate()).toBe(1);
    expect(toIsoDate(date as Date)).toBe('2026-03-01');
  });

  it('sends only what changed, ignoring link order and surrounding spaces', () => {
    const model = aModel({ frameworks: [1, 2], status: ModelStatus.APPROVED });
    const value = { ...formValueOf(model), frameworks: [2, 1], provider: ` ${model.provider} `, version: '2.0' };

    expect(toUpdateRequest(value, model)).toEqual({ version: '2.0' });
  });

  it('sends a rationale with its status, so an unchanged status with a rationale is a re-approval, and never with Pending', () => {
    const model = aModel({ status: ModelStatus.APPROVED });
    expect(toUpdateRequest({ ...formValueOf(model), status_rationale: ' Re-assessed in March. ' }, model)).toEqual({
      status: ModelStatus.APPROVED,
      status_rationale: 'Re-assessed in March.',
    });
    expect(toUpdateRequest({ ...formValueOf(model), status: ModelStatus.PENDING, status_rationale: 'Because.' }, model)).toEqual({ status: ModelStatus.PENDING });
    expect(toUpdateRequest({ ...formValueOf(model), status_rationale: '   ' }, model)).toEqual({});
  });

  it('asks for the fields the API requires and checks e-mail and link shapes', () => {
    const form = createModelForm();
    form.patchValue({ approver: 'not-an-email', provider: '   ', reference_link: 'ftp://files' });

    expect(form.controls.provider.hasError('required')).toBe(true);
    expect(form.controls.approver.hasError('email')).toBe(true);
    expect(form.controls.reference_link.hasError('url')).toBe(true);
    expect(form.controls.capabilities.hasError('atLeastOne')).toBe(true);
  });
});
