export * from './lib/server-projects';
