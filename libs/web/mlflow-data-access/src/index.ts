export * from './lib/mlflow-api';
export * from './lib/mlflow-grouping';
export * from './lib/mlflow-roles';
export * from './lib/testing/mlflow-fixtures';
