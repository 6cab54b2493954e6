export * from './lib/mlflow-routes';
