export * from './lib/shares.module';
export * from './lib/entities/share-link.entity';
