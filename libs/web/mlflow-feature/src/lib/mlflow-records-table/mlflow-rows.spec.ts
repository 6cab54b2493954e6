import { anMlflowRecord } from '@model-inventory/web-mlflow-data-access';
import { groupMlflowRows } from './mlflow-rows';

describe(groupMlflowRows.name, () => {
  const records = [
    anMlflowRecord({ id: 1, lifecycle_stage: 'Production', model_name: 'a' }),
    anMlflowRecord({ id: 2, lifecycle_stage: 'Staging', model_name: 'a' }),
    anMlflowRecord({ id: 3, experiment_id: null, lifecycle_stage: 'Production', model_name: 'b' }),
  ];
  const shape = (grouping: Parameters<typeof groupMlflowRows>[1]) =>
    groupMlflowRows(records, grouping).map((row) => (row.kind === 'group' ? `${row.label} (${row.count})` : row.record.id));

  it('keeps the API order without grouping', () => {
    expect(shape('none')).toEqual([1, 2, 3]);
  });

  it('puts the records of one stage together under a header with their count', () => {
    expect(shape('stage')).toEqual(['Production (2)', 1, 3, 'Staging (1)', 2]);
  });

  it('groups by model and by experiment, naming versions whose run is unavailable', () => {
    expect(shape('model')).toEqual(['a (2)', 1, 2, 'b (1)', 3]);
    expect(shape('experiment')).toEqual(['Experiment 3 (2)', 1, 2, 'No experiment (run unavailable) (1)', 3]);
  });
});
