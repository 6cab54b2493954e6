export * from './lib/audit-log.module';
export * from './lib/audit-log';
export * from './lib/audit-event.entity';
