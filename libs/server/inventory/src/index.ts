export * from './lib/server-inventory';
