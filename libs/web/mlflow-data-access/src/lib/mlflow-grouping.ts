import { MlflowModelRecordResponse } from '@model-inventory/contracts';

export const MLFLOW_GROUPINGS = ['none', 'model', 'stage', 'experiment'] as const;
export type MlflowGrouping = (typeof MLFLOW_GROUPINGS)[number];

export const MLFLOW_GROUPING_LABELS: Readonly<Record<MlflowGrouping, string>> = {
  experiment: 'Experiment',
  model: 'Model',
  none: 'No grouping',
  stage: 'Stage',
};

export interface MlflowGroupRow {
  kind: 'group';
  key: string;
  label: string;
  count: number;
}

export interface MlflowRecordRow {
  kind: 'record';
  key: string;
  record: MlflowModelRecordResponse;
}

export type MlflowTableRow = MlflowGroupRow | MlflowRecordRow;

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
  const groups = new Map<string, MlflowModelRecordResponse[]>();
  for (const record of records) {
    const label = groupLabel(record, grouping);
    groups.set(label, [...(groups.get(label) ?? []), record]);
  }
  return [...groups].flatMap(([label, members]) => [
    { count: members.length, key: `group-${label}`, kind: 'group' as const, label },
    ...members.map(recordRow),
  ]);
}
