export * from './lib/security-log-routes';
