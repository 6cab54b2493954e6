import { anMlflowRecord } from '@model-inventory/web-mlflow-data-access';
import { tagFor, toImportRequest } from './import-request';

describe(toImportRequest.name, () => {
  const value = { approver: ' jane@acme.com ', biases: '', capabilities: 'scoring, , classification ', hosting_provider: 'On-premises', limitations: '  ', status_date: '2026-12-01' };

  it('splits capabilities on commas and leaves blank fields out, so the server falls back to the MLflow tags', () => {
    expect(toImportRequest(value)).toEqual({ approver: 'jane@acme.com', capabilities: ['scoring', 'classification'], hosting_provider: 'On-premises', status_date: '2026-12-01' });
  });

  it('finds a field’s tag on the version first, then on its registered model', () => {
    const record = anMlflowRecord({ model_tags: { biases: 'model-level', limitations: 'model-level' }, tags: { limitations: 'version-level' } });
    expect([tagFor(record, 'limitations'), tagFor(record, 'biases'), tagFor(record, 'capabilities')]).toEqual(['version-level', 'model-level', null]);
  });
});
