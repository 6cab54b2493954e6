export * from './lib/webhooks-routes';
