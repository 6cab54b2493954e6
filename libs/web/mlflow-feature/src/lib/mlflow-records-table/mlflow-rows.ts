import { MlflowModelRecordResponse } from '@model-inventory/contracts';
import { MlflowGrouping } from '@model-inventory/web-mlflow-data-access';
import { gatherGroups, GroupHeaderRow, groupedTableRows } from '@model-inventory/web-shared-ui';

export interface MlflowRecordRow {
  kind: 'record';
  key: string;
  record: MlflowModelRecordResponse;
}

export type MlflowTableRow = GroupHeaderRow | MlflowRecordRow;

function groupLabel(record: MlflowModelRecordResponse, grouping: Exclude<MlflowGrouping, 'none'>): string {
  switch (grouping) {
    case 'model':
      return record.model_name;
    case 'stage':
      return record.lifecycle_stage ?? 'No stage';
    case 'experiment':
      return record.experiment_id ? `Experiment ${record.experiment_id}` : 'No experiment (run unavailable)';
  }
}

/**
 * The page's records as table rows; grouped, each group (in order of first appearance) gets a header row followed
 * by its records, so records of one group stay together even when the API's order (name, version) mixes them.
 */
export function groupMlflowRows(records: readonly MlflowModelRecordResponse[], grouping: MlflowGrouping): MlflowTableRow[] {
  const recordRow = (record: MlflowModelRecordResponse): MlflowRecordRow => ({ key: `record-${record.id}`, kind: 'record', record });
  if (grouping === 'none') return records.map(recordRow);
  const groups = gatherGroups(records, (record) => {
    const label = groupLabel(record, grouping);
    return { key: label, label };
  });
  return groupedTableRows(groups, recordRow);
}
