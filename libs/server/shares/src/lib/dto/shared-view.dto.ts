import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskStatus,
  ModelStatus,
  RiskRating,
  SHARE_FIELD_SETS,
  SHARE_RESOURCES,
  SharedModel,
  SharedRisk,
  SharedViewResponse,
  ShareFieldSet,
  ShareResource,
} from '@model-inventory/contracts';
import { PageQueryDto } from '@model-inventory/server-core';
import { IsIn, IsOptional } from 'class-validator';

const ALL = 'Only with fields=all.';

export class SharedModelDto implements SharedModel {
  @ApiProperty() provider!: string;
  @ApiProperty() model!: string;
  @ApiProperty() version!: string;
  @ApiProperty({ enum: ModelStatus, enumName: 'ModelStatus' }) status!: ModelStatus;
  @ApiProperty({ format: 'date' }) status_date!: string;
  @ApiPropertyOptional({ description: ALL }) approver?: string;
  @ApiPropertyOptional({ type: [String], description: ALL }) capabilities?: string[];
  @ApiPropertyOptional({ description: ALL }) security_assessment?: boolean;
  @ApiPropertyOptional({ description: ALL }) reference_link?: string;
  @ApiPropertyOptional({ description: ALL }) biases?: string;
  @ApiPropertyOptional({ description: ALL }) limitations?: string;
  @ApiPropertyOptional({ description: ALL }) hosting_provider?: string;
  @ApiPropertyOptional({ format: 'date-time', description: ALL }) updated_at?: string;
}

export class SharedRiskModelDto {
  @ApiProperty() provider!: string;
  @ApiProperty() model!: string;
  @ApiProperty() version!: string;
}

export class SharedRiskDto implements SharedRisk {
  @ApiProperty() risk_name!: string;
  @ApiProperty({ enum: ModelRiskLevel, enumName: 'ModelRiskLevel' }) risk_level!: ModelRiskLevel;
  @ApiProperty({ enum: ModelRiskCategory, enumName: 'ModelRiskCategory' }) risk_category!: ModelRiskCategory;
  @ApiProperty({ enum: ModelRiskStatus, enumName: 'ModelRiskStatus' }) status!: ModelRiskStatus;
  @ApiProperty({ format: 'date' }) target_date!: string;
  @ApiPropertyOptional({ description: ALL }) owner?: string;
  @ApiPropertyOptional({ type: SharedRiskModelDto, description: ALL }) model?: SharedRiskModelDto;
  @ApiPropertyOptional({ type: String, nullable: true, description: ALL }) description?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: ALL }) mitigation_plan?: string | null;
  @ApiPropertyOptional({ enum: RiskRating, enumName: 'RiskRating', nullable: true, description: ALL }) impact?: RiskRating | null;
  @ApiPropertyOptional({ enum: RiskRating, enumName: 'RiskRating', nullable: true, description: ALL }) likelihood?: RiskRating | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: ALL }) key_metrics?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: ALL }) current_values?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: ALL }) threshold?: string | null;
  @ApiPropertyOptional({ description: ALL }) overdue?: boolean;
  @ApiPropertyOptional({ format: 'date-time', description: ALL }) updated_at?: string;
}

@ApiExtraModels(SharedModelDto, SharedRiskDto)
export class SharedViewResponseDto implements SharedViewResponse {
  @ApiProperty({ enum: SHARE_RESOURCES }) resource!: ShareResource;
  @ApiProperty({ enum: SHARE_FIELD_SETS }) fields!: ShareFieldSet;
  @ApiProperty() allow_export!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expires_at!: string | null;
  @ApiProperty({ type: 'array', items: { oneOf: [{ $ref: getSchemaPath(SharedModelDto) }, { $ref: getSchemaPath(SharedRiskDto) }] } })
  items!: Array<SharedModelDto | SharedRiskDto>;
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class SharedViewQueryDto extends PageQueryDto {}

export const SHARED_EXPORT_FORMATS = ['csv', 'xlsx'] as const;

export class SharedExportQueryDto {
  @ApiPropertyOptional({ enum: SHARED_EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SHARED_EXPORT_FORMATS, { message: `format must be one of: ${SHARED_EXPORT_FORMATS.join(', ')}` })
  format: (typeof SHARED_EXPORT_FORMATS)[number] = 'csv';
}
