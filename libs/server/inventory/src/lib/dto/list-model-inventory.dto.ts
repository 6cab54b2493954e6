import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { EXPORT_FORMATS, ExportFormat, MODEL_INVENTORY_SORT_FIELDS, ModelInventoryListQuery, ModelStatus } from '@model-inventory/contracts';
import { IsId, PageQueryDto } from '@model-inventory/server-core';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const SORT = new RegExp(`^(${MODEL_INVENTORY_SORT_FIELDS.join('|')})(:(asc|desc))?$`);

export class ModelInventoryFilterDto implements Omit<ModelInventoryListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ description: 'Case-insensitive match on provider, model and version.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: ModelStatus, enumName: 'ModelStatus', isArray: true, description: 'One or several: `status=Approved&status=Pending` or `status=Approved,Pending`.' })
  @IsOptional()
  @Transform(toList)
  @IsEnum(ModelStatus, { each: true, message: `status must be one of: ${Object.values(ModelStatus).join(', ')}` })
  status?: ModelStatus[];

  @ApiPropertyOptional({ description: 'Exact provider, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  provider?: string;

  @ApiPropertyOptional({ description: 'Exact approver e-mail, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  approver?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'security_assessment must be true or false' })
  security_assessment?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  project_id?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  framework_id?: number;

  @ApiPropertyOptional({ default: true, description: 'false hides the demo models.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'include_demo must be true or false' })
  include_demo?: boolean;

  @ApiPropertyOptional({ description: 'true: only models with an Open or In Progress risk; false: only models without.' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'has_open_risks must be true or false' })
  has_open_risks?: boolean;

  @ApiPropertyOptional({ example: 'status_date:desc', description: `field:asc|desc; fields: ${MODEL_INVENTORY_SORT_FIELDS.join(', ')}` })
  @IsOptional()
  @Matches(SORT, { message: `sort must be field:asc or field:desc with field one of: ${MODEL_INVENTORY_SORT_FIELDS.join(', ')}` })
  sort?: string;
}

export class ListModelInventoryDto extends IntersectionType(PageQueryDto, ModelInventoryFilterDto) {}

export class ExportModelInventoryDto extends ModelInventoryFilterDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS, { message: `format must be one of: ${EXPORT_FORMATS.join(', ')}` })
  format: ExportFormat = 'csv';
}
