export * from './lib/test-database';
export * from './lib/test-config';
export * from './lib/test-app';
export * from './lib/api-client';
export * from './lib/test-worker';
export { configurationVariables } from '@model-inventory/server-core';
