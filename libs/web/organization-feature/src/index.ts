export * from './lib/organization-routes';
