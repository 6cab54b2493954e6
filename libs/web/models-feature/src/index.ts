export * from './lib/models-routes';
