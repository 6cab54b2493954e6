export * from './lib/projects-api';
export * from './lib/testing/project-fixtures';
