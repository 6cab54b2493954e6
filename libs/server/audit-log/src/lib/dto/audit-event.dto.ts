import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AuditAction, AuditEventListQuery, AuditEventResponse } from '@model-inventory/contracts';
import { IsId, PageQueryDto, PageResponseDto } from '@model-inventory/server-core';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';

const toList = ({ value }: { value: unknown }) => (Array.isArray(value) ? value : [value]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v])).map((v) => (typeof v === 'string' ? v.trim() : v));

export class AuditEventFilterDto implements Omit<AuditEventListQuery, 'limit' | 'offset'> {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', isArray: true, description: 'One or several, comma-separated.' })
  @IsOptional()
  @Transform(toList)
  @IsIn(AUDIT_ACTIONS, { each: true, message: `action must be one of: ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction[];

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsId()
  actor_user_id?: number;

  @ApiPropertyOptional({ description: 'The e-mail the actor used (case-insensitive); for failed sign-ins, the e-mail tried.' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  actor_email?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant (inclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Until this instant (exclusive).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date or date-time' })
  to?: string;
}

export class ListAuditEventsDto extends IntersectionType(PageQueryDto, AuditEventFilterDto) {}

export class AuditEventResponseDto implements AuditEventResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' }) action!: AuditAction;
  @ApiProperty({ format: 'date-time' }) occurred_at!: string;
  @ApiProperty({ type: Number, nullable: true }) actor_user_id!: number | null;
  @ApiProperty({ type: String, nullable: true }) actor_name!: string | null;
  @ApiProperty({ type: String, nullable: true }) actor_email!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) user_agent!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) target_type!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12' }) target_id!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { from: 'Editor', to: 'Admin' } }) details!: Record<string, unknown>;
}

export class AuditEventPageResponseDto extends PageResponseDto(AuditEventResponseDto, 'AuditEventPageResponse') {}
