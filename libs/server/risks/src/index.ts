export * from './lib/risks.module';
export * from './lib/risks.service';
export * from './lib/entities/model-risk.entity';
