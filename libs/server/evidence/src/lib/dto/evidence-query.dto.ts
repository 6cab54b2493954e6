import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { EVIDENCE_SORT_FIELDS, EVIDENCE_TYPES, EvidenceListQuery, EvidenceType } from '@model-inventory/contracts';
import { IsId, PageQueryDto } from '@model-inventory/server-core';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const SORT = new RegExp(`^(${EVIDENCE_SORT_FIELDS.join('|')})(:(asc|desc))?$`);

export class EvidenceFilterDto implements Omit<EvidenceListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ enum: EVIDENCE_TYPES, enumName: 'EvidenceType', isArray: true, description: 'One or several, comma-separated.' })
  @IsOptional()
  @Transform(toList)
  @IsIn(EVIDENCE_TYPES, { each: true, message: `evidence_type must be one of: ${EVIDENCE_TYPES.join(', ')}` })
  evidence_type?: EvidenceType[];

  @ApiPropertyOptional({ description: 'Only the evidence of this model.' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  model_id?: number;

  @ApiPropertyOptional({ description: 'Only the evidence this user uploaded.' })
  @IsOptional()
  @Type(() => Number)
  @IsId()
  uploaded_by?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 3650, description: 'Not yet expired, expiring within this many days.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'expiring_within_days must be a whole number of days' })
  @Min(0)
  @Max(3650)
  expiring_within_days?: number;

  @ApiPropertyOptional({ description: 'true: only expired evidence; false: only evidence that has not expired (or has no expiry date).' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'expired must be true or false' })
  expired?: boolean;

  @ApiPropertyOptional({ description: 'Case-insensitive match on the filename and the description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'expiry_date:asc', description: `field:asc|desc; fields: ${EVIDENCE_SORT_FIELDS.join(', ')}. Default upload_date:desc.` })
  @IsOptional()
  @Matches(SORT, { message: `sort must be field:asc or field:desc with field one of: ${EVIDENCE_SORT_FIELDS.join(', ')}` })
  sort?: string;
}

export class ListEvidenceDto extends IntersectionType(PageQueryDto, EvidenceFilterDto) {}
