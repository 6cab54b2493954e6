export * from './lib/confirm-dialog/confirm-dialog';
export * from './lib/empty-state/empty-state';
export * from './lib/material-symbols';
export * from './lib/page-header/page-header';
export * from './lib/not-found-page/not-found-page';
export * from './lib/copy-button/copy-button';
export * from './lib/secret-shown-once/secret-shown-once';
export * from './lib/grouped-rows/grouped-rows';
