export * from './lib/inventory.module';
export * from './lib/inventory.repository';
export * from './lib/inventory.service';
export * from './lib/entities/model-inventory.entity';
export * from './lib/entities/model-link.entity';
