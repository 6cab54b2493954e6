import { modelFactsOf, runColumns, tagObject, versionColumns } from './record-rows';

const model = { name: 'credit-pd', description: 'PD', tags: [{ key: 'team', value: 'risk' }, { key: 'domain', value: 'credit' }], aliases: [{ alias: 'champion', version: '2' }, { alias: 'a-shadow', version: '2' }] };
const version = { name: 'credit-pd', version: '2', current_stage: 'Production', status: 'READY', run_id: 'r1', tags: [{ key: 'validated', value: 'true' }], creation_timestamp: 1714000000000, last_updated_timestamp: 1714500000000 };

describe('record rows', () => {
  it('sorts tags by key, so search (sorted) and get (insertion order) answers compare equal', () => {
    expect(Object.keys(tagObject(model.tags))).toEqual(['domain', 'team']);
    expect(tagObject([{ key: 'b', value: '1' }, { key: 'a' }])).toEqual({ a: '', b: '1' });
  });

  it('takes a version’s aliases from its registered model, sorted, and keeps the stage verbatim', () => {
    const row = versionColumns(version, modelFactsOf(model));
    expect(row).toMatchObject({ aliases: ['a-shadow', 'champion'], lifecycle_stage: 'Production', version_number: 2, model_tags: { domain: 'credit', team: 'risk' }, mlflow_created_at: '2024-04-24T23:06:40.000Z' });
  });

  it('changes the content hash on a tag or alias change, which MLflow does not timestamp, and not otherwise', () => {
    const base = versionColumns(version, modelFactsOf(model)).content_hash;
    expect(versionColumns({ ...version }, modelFactsOf({ ...model, tags: [...model.tags].reverse() })).content_hash).toBe(base);
    expect(versionColumns({ ...version, tags: [{ key: 'validated', value: 'false' }] }, modelFactsOf(model)).content_hash).not.toBe(base);
    expect(versionColumns(version, modelFactsOf({ ...model, aliases: [{ alias: 'champion', version: '1' }] })).content_hash).not.toBe(base);
    expect(versionColumns(version, modelFactsOf({ ...model, tags: [{ key: 'team', value: 'fraud' }] })).content_hash).not.toBe(base);
  });

  it('keeps a run’s latest metrics, NaN as the string MLflow sends, and its params, status and experiment', () => {
    const run = { info: { run_id: 'r1', experiment_id: '7', status: 'FINISHED' }, data: { metrics: [{ key: 'auc', value: 0.91 }, { key: 'loss', value: 'NaN' }, { key: 'max', value: 1.7976931348623157e308 }], params: [{ key: 'alpha', value: '0.1' }] } };
    expect(runColumns(run)).toEqual({ run_status: 'FINISHED', lineage_available: true, metrics: { auc: 0.91, loss: 'NaN', max: 1.7976931348623157e308 }, parameters: { alpha: '0.1' }, experiment_id: '7' });
    expect(runColumns(undefined)).toMatchObject({ lineage_available: false, metrics: {} });
  });
});
