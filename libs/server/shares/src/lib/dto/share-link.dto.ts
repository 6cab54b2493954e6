import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreatedShareLinkResponse,
  CreateShareLinkRequest,
  SHARE_FIELD_SETS,
  SHARE_RESOURCES,
  ShareFieldSet,
  ShareFilters,
  ShareLinkResponse,
  ShareResource,
  UpdateShareLinkRequest,
} from '@model-inventory/contracts';
import { Optional, PageQueryDto, PageResponseDto } from '@model-inventory/server-core';
import { IsBoolean, IsIn, IsISO8601, IsObject, IsOptional } from 'class-validator';

const oneOf = (name: string, values: readonly string[]) => `${name} must be one of: ${values.join(', ')}`;
const EXPIRES_AT = { type: String, format: 'date-time', nullable: true, description: 'When the link stops working (must be in the future); absent or null: never.' } as const;

export class CreateShareLinkDto implements CreateShareLinkRequest {
  @ApiProperty({ enum: SHARE_RESOURCES, description: 'The register to share.' })
  @IsIn(SHARE_RESOURCES, { message: oneOf('resource', SHARE_RESOURCES) })
  resource!: ShareResource;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { status: ['Approved'], provider: 'OpenAI' },
    description:
      'The filters of the register’s list endpoint (`GET /api/modelInventory` or `GET /api/modelRisks`, without limit/offset), ' +
      'validated by the same rules; an unknown key is refused. Risk shares show active risks only.',
  })
  @Optional()
  @IsObject({ message: 'filters must be an object' })
  filters?: ShareFilters;

  @ApiProperty({ enum: SHARE_FIELD_SETS, description: 'summary: the key columns; all: every field of the register’s own data.' })
  @IsIn(SHARE_FIELD_SETS, { message: oneOf('fields', SHARE_FIELD_SETS) })
  fields!: ShareFieldSet;

  @ApiProperty({ description: 'Whether the link may also download the view as CSV/XLSX.' })
  @IsBoolean({ message: 'allow_export must be true or false' })
  allow_export!: boolean;

  @ApiPropertyOptional(EXPIRES_AT)
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expires_at must be an ISO 8601 date-time' })
  expires_at?: string | null;
}

export class UpdateShareLinkDto implements UpdateShareLinkRequest {
  @ApiPropertyOptional({ description: 'false: the link answers 404 until enabled again.' })
  @Optional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;

  @ApiPropertyOptional(EXPIRES_AT)
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expires_at must be an ISO 8601 date-time' })
  expires_at?: string | null;
}

export class ShareCreatorDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class ShareLinkResponseDto implements ShareLinkResponse {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: SHARE_RESOURCES }) resource!: ShareResource;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The filters as validated and applied.' }) filters!: ShareFilters;
  @ApiProperty({ enum: SHARE_FIELD_SETS }) fields!: ShareFieldSet;
  @ApiProperty() allow_export!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expires_at!: string | null;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revoked_at!: string | null;
  @ApiProperty({ type: ShareCreatorDto, nullable: true }) created_by!: ShareCreatorDto | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_accessed_at!: string | null;
  @ApiProperty() access_count!: number;
}

export class CreatedShareLinkResponseDto extends ShareLinkResponseDto implements CreatedShareLinkResponse {
  @ApiProperty({ description: 'The token, shown this once (only its hash is stored).', example: 'q3N0tLd5bT3…' }) token!: string;
  @ApiProperty({ description: 'The console’s public page for the link.', example: 'https://inventory.example.com/share/q3N0tLd5bT3…' }) url!: string;
}

export class ShareLinkPageResponseDto extends PageResponseDto(ShareLinkResponseDto, 'ShareLinkPageResponse') {}

export class ListShareLinksDto extends PageQueryDto {}
