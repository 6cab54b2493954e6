export * from './lib/projects-routes';
