export * from './lib/evidence-routes';
export * from './lib/model-evidence/model-evidence';
