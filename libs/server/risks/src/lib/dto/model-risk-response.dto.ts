import { ApiProperty } from '@nestjs/swagger';
import {
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskResponse,
  ModelRiskStatus,
  ModelRiskSummary,
  RISK_RATINGS,
  RiskChangeHistoryEntry,
  RiskMatrix,
  RiskMatrixCell,
  RiskModelSummary,
  RiskRating,
} from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';
import { ChangeHistoryPageDto, FieldChangeEntryDto } from '@model-inventory/server-history';

const countsOf = (values: readonly string[], example: number[]) =>
  ApiProperty({
    type: 'object',
    properties: Object.fromEntries(values.map((v) => [v, { type: 'integer', minimum: 0 }])),
    required: [...values],
    example: Object.fromEntries(values.map((v, i) => [v, example[i] ?? 0])),
  });

export class RiskModelSummaryDto implements RiskModelSummary {
  @ApiProperty() id!: number;
  @ApiProperty({ example: 'OpenAI' }) provider!: string;
  @ApiProperty({ example: 'GPT-4o' }) model!: string;
  @ApiProperty({ example: '2024-08-06' }) version!: string;
  @ApiProperty() is_deleted!: boolean;
}

export class ModelRiskResponseDto implements ModelRiskResponse {
  @ApiProperty() id!: number;
  @ApiProperty() organization_id!: number;
  @ApiProperty() risk_name!: string;
  @ApiProperty({ enum: ModelRiskCategory, enumName: 'ModelRiskCategory' }) risk_category!: ModelRiskCategory;
  @ApiProperty({ enum: ModelRiskLevel, enumName: 'ModelRiskLevel' }) risk_level!: ModelRiskLevel;
  @ApiProperty({ enum: ModelRiskStatus, enumName: 'ModelRiskStatus' }) status!: ModelRiskStatus;
  @ApiProperty() owner!: string;
  @ApiProperty({ format: 'date' }) target_date!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) mitigation_plan!: string | null;
  @ApiProperty({ enum: RISK_RATINGS, enumName: 'RiskRating', nullable: true }) impact!: RiskRating | null;
  @ApiProperty({ enum: RISK_RATINGS, enumName: 'RiskRating', nullable: true }) likelihood!: RiskRating | null;
  @ApiProperty({ type: String, nullable: true }) key_metrics!: string | null;
  @ApiProperty({ type: String, nullable: true }) current_values!: string | null;
  @ApiProperty({ type: String, nullable: true }) threshold!: string | null;
  @ApiProperty() model_id!: number;
  @ApiProperty({ type: RiskModelSummaryDto }) model!: RiskModelSummaryDto;
  @ApiProperty({ description: 'Target date passed and status not Resolved or Accepted.' }) overdue!: boolean;
  @ApiProperty({ enum: ModelRiskStatus, enumName: 'ModelRiskStatus', isArray: true, description: 'Where a change may move the status now; empty while deleted.' })
  allowed_transitions!: ModelRiskStatus[];
  @ApiProperty({ type: Number, nullable: true }) accepted_by!: number | null;
  @ApiProperty({ type: String, nullable: true }) accepted_by_name!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) accepted_at!: string | null;
  @ApiProperty() is_deleted!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deleted_at!: string | null;
  @ApiProperty({ description: 'Increases with every change; the ETag is derived from it.' }) version_number!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ModelRiskPageResponseDto extends PageResponseDto(ModelRiskResponseDto, 'ModelRiskPageResponse') {}

export class ModelRiskSummaryDto implements ModelRiskSummary {
  @ApiProperty({ description: 'Active risks.' }) total!: number;
  @ApiProperty({ description: 'Active risks past their target date and not Resolved or Accepted.' }) overdue!: number;
  @countsOf(Object.values(ModelRiskLevel), [4, 3, 2, 1]) by_level!: Record<ModelRiskLevel, number>;
  @countsOf(Object.values(ModelRiskStatus), [3, 2, 4, 1]) by_status!: Record<ModelRiskStatus, number>;
  @countsOf(Object.values(ModelRiskCategory), [2, 2, 3, 1, 2]) by_category!: Record<ModelRiskCategory, number>;
}

export class RiskMatrixCellDto implements RiskMatrixCell {
  @ApiProperty({ enum: RISK_RATINGS, enumName: 'RiskRating' }) impact!: RiskRating;
  @ApiProperty({ enum: RISK_RATINGS, enumName: 'RiskRating' }) likelihood!: RiskRating;
  @ApiProperty() count!: number;
}

export class RiskMatrixDto implements RiskMatrix {
  @ApiProperty({ type: [RiskMatrixCellDto], description: 'All 25 cells, impact-major, zeros included.' }) cells!: RiskMatrixCellDto[];
  @ApiProperty({ description: 'Risks of the view without an impact or a likelihood.' }) unrated!: number;
  @ApiProperty() total!: number;
}

export class RiskChangeHistoryEntryDto extends FieldChangeEntryDto implements RiskChangeHistoryEntry {
  @ApiProperty({ example: 7 }) model_risk_id!: number;
}

export class RiskChangeHistoryPageDto extends ChangeHistoryPageDto(RiskChangeHistoryEntryDto, 'RiskChangeHistoryPage') {}
