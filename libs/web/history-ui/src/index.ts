export * from './lib/activity-format';
export * from './lib/activity-timeline/activity-chip';
export * from './lib/activity-timeline/activity-timeline';
export * from './lib/history-vocabulary';
