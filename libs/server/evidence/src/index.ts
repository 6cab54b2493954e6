export * from './lib/evidence.module';
export * from './lib/evidence.service';
export * from './lib/expiry/evidence-expiry.service';
export * from './lib/storage/evidence-storage';
export * from './lib/storage/postgres-evidence-storage';
