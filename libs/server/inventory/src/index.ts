export * from './lib/inventory.module';
export * from './lib/inventory.repository';
export * from './lib/inventory.service';
export * from './lib/entities/model-inventory.entity';
export * from './lib/entities/model-link.entity';
export * from './lib/model-deletion-hooks';
export { MODEL_ENTITY } from './lib/model-audit';
export * from './lib/inventory.mapper';
export * from './lib/demo/demo-hooks';
