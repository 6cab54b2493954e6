export * from './lib/history.module';
export * from './lib/audit/audited-entity';
export * from './lib/audit/audited-writer';
export * from './lib/change-history.service';
export * from './lib/dto/change-history.dto';
export * from './lib/snapshot.recorder';
export type { CountedFields } from './lib/snapshot-counts';
export * from './lib/entities/change-history.entity';
export * from './lib/entities/snapshot.entity';
