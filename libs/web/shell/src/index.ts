export * from './lib/shell-routes';
export * from './lib/shell/shell';
