export * from './lib/users-table/users-table';
