export * from './lib/server-history';
