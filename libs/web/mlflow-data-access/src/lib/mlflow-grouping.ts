export const MLFLOW_GROUPINGS = ['none', 'model', 'stage', 'experiment'] as const;
export type MlflowGrouping = (typeof MLFLOW_GROUPINGS)[number];

export const MLFLOW_GROUPING_LABELS: Readonly<Record<MlflowGrouping, string>> = {
  experiment: 'Experiment',
  model: 'Model',
  none: 'No grouping',
  stage: 'Stage',
};
