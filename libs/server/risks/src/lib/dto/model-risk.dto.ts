import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ModelRiskCategory, ModelRiskLevel, ModelRiskRequest, PatchModelRiskRequest, ModelRiskStatus, RISK_RATINGS, RISK_TEXT_MAX, RiskRating } from '@model-inventory/contracts';
import { CalendarDate, IsId, Optional, PatchType, Text, Trim } from '@model-inventory/server-core';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const oneOf = (name: string, values: readonly string[]) => `${name} must be one of: ${values.join(', ')}`;

/** Optional free text: absent or null clears it on PUT; trimmed; bounded. */
const OptionalText = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: String, nullable: true, maxLength: RISK_TEXT_MAX, description }), IsOptional(), Trim(), IsString(), MaxLength(RISK_TEXT_MAX));

/** A rating of the five-point scale, or null. */
const Rating = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ enum: RISK_RATINGS, enumName: 'RiskRating', nullable: true, description }),
    IsOptional(),
    IsIn(RISK_RATINGS, { message: ({ property }) => oneOf(property, RISK_RATINGS) }),
  );

/** The body of a create and of a PUT (a full update with the same rules). */
export class ModelRiskDto implements ModelRiskRequest {
  @ApiProperty({ maxLength: 300, example: 'Accuracy drops on non-English tickets' })
  @Trim()
  @Text(300)
  risk_name!: string;

  @ApiProperty({ enum: ModelRiskCategory, enumName: 'ModelRiskCategory' })
  @IsEnum(ModelRiskCategory, { message: oneOf('risk_category', Object.values(ModelRiskCategory)) })
  risk_category!: ModelRiskCategory;

  @ApiProperty({ enum: ModelRiskLevel, enumName: 'ModelRiskLevel' })
  @IsEnum(ModelRiskLevel, { message: oneOf('risk_level', Object.values(ModelRiskLevel)) })
  risk_level!: ModelRiskLevel;

  @ApiPropertyOptional({
    enum: ModelRiskStatus,
    enumName: 'ModelRiskStatus',
    description: 'Open when absent on create, kept when absent on PUT. A change must follow the workflow (409 otherwise).',
  })
  @Optional()
  @IsEnum(ModelRiskStatus, { message: oneOf('status', Object.values(ModelRiskStatus)) })
  status?: ModelRiskStatus;

  @ApiProperty({ maxLength: 200, example: 'risk.officer@example.com' })
  @Trim()
  @Text(200)
  owner!: string;

  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'A past date is allowed: the risk is then overdue.' })
  @CalendarDate()
  target_date!: string;

  @OptionalText('What the risk is.') description?: string | null;
  @OptionalText('How it is being reduced.') mitigation_plan?: string | null;
  @Rating('How bad it would be; with likelihood, its cell of the risk matrix.') impact?: RiskRating | null;
  @Rating('How likely it is.') likelihood?: RiskRating | null;
  @OptionalText('The metrics that track it.') key_metrics?: string | null;
  @OptionalText('Their current values.') current_values?: string | null;
  @OptionalText('The values at which it is acceptable.') threshold?: string | null;

  @ApiProperty({ description: "A live model of the caller's organisation." })
  @IsId('model_id must be the id of a model')
  model_id!: number;
}

/** The body of a PATCH: only the fields sent change; required fields may be left out but not nulled. */
export class PatchModelRiskDto extends PatchType(ModelRiskDto) implements PatchModelRiskRequest {}
