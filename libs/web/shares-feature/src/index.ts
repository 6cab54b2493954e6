export * from './lib/create-share-dialog/create-share-dialog';
export * from './lib/open-share-dialogs';
export * from './lib/share-filters';
export * from './lib/share-links-dialog/share-links-dialog';
export * from './lib/share-routes';
export * from './lib/shared-view-page/shared-view-page';
