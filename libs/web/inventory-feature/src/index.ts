export * from './lib/web-inventory-feature/web-inventory-feature';
