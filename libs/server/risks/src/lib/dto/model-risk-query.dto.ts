import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  EXPORT_FORMATS,
  MODEL_RISK_SORT_FIELDS,
  ModelRiskCategory,
  ModelRiskLevel,
  ModelRiskListQuery,
  ModelRiskStatus,
  RISK_FILTERS,
  RISK_RATINGS,
  RiskFilter,
  RiskRating,
} from '@model-inventory/contracts';
import { IsId, PageQueryDto } from '@model-inventory/server-core';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const oneOf = (name: string, values: readonly string[]) => `${name} must be one of: ${values.join(', ')}`;
const SORT = new RegExp(`^(${MODEL_RISK_SORT_FIELDS.join('|')})(:(asc|desc))?$`);

/** The filters shared by the list, the summary's siblings (matrix) and the export. */
export class ModelRiskFilterDto implements Omit<ModelRiskListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ enum: RISK_FILTERS, default: 'active', description: 'active (default), deleted, or all.' })
  @IsOptional()
  @IsIn(RISK_FILTERS, { message: oneOf('filter', RISK_FILTERS) })
  filter: RiskFilter = 'active';

  @ApiPropertyOptional({ description: 'Only the risks of this model.' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  model_id?: number;

  @ApiPropertyOptional({ enum: ModelRiskLevel, enumName: 'ModelRiskLevel', isArray: true, description: 'One or several: `risk_level=High,Critical`.' })
  @IsOptional()
  @Transform(toList)
  @IsEnum(ModelRiskLevel, { each: true, message: oneOf('risk_level', Object.values(ModelRiskLevel)) })
  risk_level?: ModelRiskLevel[];

  @ApiPropertyOptional({ enum: ModelRiskCategory, enumName: 'ModelRiskCategory', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsEnum(ModelRiskCategory, { each: true, message: oneOf('risk_category', Object.values(ModelRiskCategory)) })
  risk_category?: ModelRiskCategory[];

  @ApiPropertyOptional({ enum: ModelRiskStatus, enumName: 'ModelRiskStatus', isArray: true })
  @IsOptional()
  @Transform(toList)
  @IsEnum(ModelRiskStatus, { each: true, message: oneOf('status', Object.values(ModelRiskStatus)) })
  status?: ModelRiskStatus[];

  @ApiPropertyOptional({ description: 'Exact owner, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  owner?: string;

  @ApiPropertyOptional({ description: 'true: target date passed and not Resolved or Accepted; false: the others.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ enum: RISK_RATINGS, enumName: 'RiskRating' })
  @IsOptional()
  @IsIn(RISK_RATINGS, { message: oneOf('impact', RISK_RATINGS) })
  impact?: RiskRating;

  @ApiPropertyOptional({ enum: RISK_RATINGS, enumName: 'RiskRating' })
  @IsOptional()
  @IsIn(RISK_RATINGS, { message: oneOf('likelihood', RISK_RATINGS) })
  likelihood?: RiskRating;

  @ApiPropertyOptional({ description: 'Case-insensitive match on the risk name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'target_date:asc', description: `field:asc|desc; fields: ${MODEL_RISK_SORT_FIELDS.join(', ')}. risk_level sorts by severity.` })
  @IsOptional()
  @Matches(SORT, { message: `sort must be field:asc or field:desc with field one of: ${MODEL_RISK_SORT_FIELDS.join(', ')}` })
  sort?: string;
}

export class ListModelRisksDto extends IntersectionType(PageQueryDto, ModelRiskFilterDto) {}

const TABLE_FORMATS = EXPORT_FORMATS.filter((format) => format !== 'pdf');

export class ExportModelRisksDto extends ModelRiskFilterDto {
  @ApiPropertyOptional({ enum: TABLE_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(TABLE_FORMATS, { message: oneOf('format', TABLE_FORMATS) })
  format: 'csv' | 'xlsx' = 'csv';
}
