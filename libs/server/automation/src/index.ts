export * from './lib/server-automation';
