export * from './lib/history.module';
export * from './lib/change-history.recorder';
export * from './lib/snapshot.recorder';
export type { CountedFields } from './lib/snapshot-counts';
export * from './lib/entities/change-history.entity';
export * from './lib/entities/snapshot.entity';
