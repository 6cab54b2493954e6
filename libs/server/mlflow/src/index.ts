export * from './lib/mlflow.module';
