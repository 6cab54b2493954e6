export * from './lib/model-risks/model-risks';
export * from './lib/risks-routes';
