export * from './lib/risks.module';
export * from './lib/risks.service';
export * from './lib/entities/model-risk.entity';
export * from './lib/risks.repository';
export { ListModelRisksDto, ModelRiskFilterDto } from './lib/dto/model-risk-query.dto';
export { isOverdue, RiskRow, todayUtc } from './lib/risks.mapper';
