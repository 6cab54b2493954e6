export * from './lib/data-source-options';
export * from './lib/migrations';
