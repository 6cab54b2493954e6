export * from './lib/web-auth-feature/web-auth-feature';
