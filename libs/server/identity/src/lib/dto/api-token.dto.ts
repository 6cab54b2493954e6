import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALL_ROLES, ApiTokenResponse, CreateApiTokenRequest, CreatedApiTokenResponse, Role } from '@model-inventory/contracts';
import { Optional, PageQueryDto, PageResponseDto, Text, Trim } from '@model-inventory/server-core';
import { IsEnum, IsISO8601, IsOptional } from 'class-validator';

export class CreateApiTokenDto implements CreateApiTokenRequest {
  @ApiProperty({ maxLength: 100, example: 'CI pipeline (read-only)' })
  @Trim()
  @Text(100)
  name!: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role', description: 'At most your own role; default: your role.' })
  @Optional()
  @IsEnum(Role, { message: `role must be one of: ${ALL_ROLES.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'When the token stops working; absent or null: never.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'expires_at must be an ISO 8601 date-time' })
  expires_at?: string | null;
}

export class ApiTokenResponseDto implements ApiTokenResponse {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ example: 'mi_AbCd1234', description: 'The first characters of the token.' }) prefix!: string;
  @ApiProperty() user_id!: number;
  @ApiProperty() user_name!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) expires_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_used_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revoked_at!: string | null;
}

export class CreatedApiTokenResponseDto extends ApiTokenResponseDto implements CreatedApiTokenResponse {
  @ApiProperty({ description: 'The token itself, shown this once: send it as `Authorization: Bearer mi_…`.', example: 'mi_AbCd1234…' }) token!: string;
}

export class ApiTokenPageResponseDto extends PageResponseDto(ApiTokenResponseDto, 'ApiTokenPageResponse') {}

export class ListApiTokensDto extends PageQueryDto {}
