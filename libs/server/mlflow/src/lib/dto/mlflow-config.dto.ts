import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MLFLOW_AUTH_METHODS,
  MLFLOW_SYNC_STATUSES,
  MLFLOW_TIMEOUT_SECONDS,
  MlflowAuthMethod,
  MlflowConfigRequest,
  MlflowConfigResponse,
  MlflowSyncCounts,
  MlflowSyncStatus,
  MlflowTestResponse,
  MlflowTestStatus,
} from '@model-inventory/contracts';
import { Optional, Trim } from '@model-inventory/server-core';
import { IsBoolean, IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Max, MaxLength, Min } from 'class-validator';

const { min, max } = MLFLOW_TIMEOUT_SECONDS;

export class MlflowConfigDto implements MlflowConfigRequest {
  @ApiProperty({ example: 'https://mlflow.example.com/mlflow', maxLength: 2048, description: 'http(s); a path prefix is allowed (MLflow behind a reverse proxy).' })
  @Trim()
  @IsString()
  @IsNotEmpty({ message: 'tracking_server_url is required' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'tracking_server_url must be an http(s) URL' })
  @MaxLength(2048)
  tracking_server_url!: string;

  @ApiProperty({ enum: MLFLOW_AUTH_METHODS, enumName: 'MlflowAuthMethod' })
  @IsIn(MLFLOW_AUTH_METHODS, { message: `auth_method must be one of: ${MLFLOW_AUTH_METHODS.join(', ')}` })
  auth_method!: MlflowAuthMethod;

  @ApiPropertyOptional({ maxLength: 200, description: 'Basic auth; required with auth_method basic.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  username?: string;

  @ApiPropertyOptional({ maxLength: 1000, writeOnly: true, description: 'Basic auth; blank or omitted keeps the stored one.' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  password?: string;

  @ApiPropertyOptional({ maxLength: 4000, writeOnly: true, description: 'Bearer token; blank or omitted keeps the stored one.' })
  @Optional()
  @IsString()
  @MaxLength(4000)
  api_token?: string;

  @ApiPropertyOptional({ default: true })
  @Optional()
  @IsBoolean()
  verify_ssl?: boolean;

  @ApiPropertyOptional({ default: MLFLOW_TIMEOUT_SECONDS.default, minimum: min, maximum: max, description: 'Seconds per MLflow call.' })
  @Optional()
  @IsInt({ message: `timeout must be a whole number of seconds from ${min} to ${max}` })
  @Min(min, { message: `timeout must be a whole number of seconds from ${min} to ${max}` })
  @Max(max, { message: `timeout must be a whole number of seconds from ${min} to ${max}` })
  timeout?: number;
}

export class MlflowSyncCountsDto implements MlflowSyncCounts {
  @ApiProperty() models!: number;
  @ApiProperty() versions!: number;
  @ApiProperty() added!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() removed!: number;
  @ApiProperty() runs_fetched!: number;
  @ApiProperty() lineage_unavailable!: number;
  @ApiProperty() failed!: number;
}

export class MlflowConfigResponseDto implements MlflowConfigResponse {
  @ApiProperty({ enum: [true], description: '`{ "configured": false }` alone when there is no integration.' }) configured!: true;
  @ApiProperty() tracking_server_url!: string;
  @ApiProperty({ enum: MLFLOW_AUTH_METHODS, enumName: 'MlflowAuthMethod' }) auth_method!: MlflowAuthMethod;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty() has_password!: boolean;
  @ApiProperty() has_api_token!: boolean;
  @ApiProperty() verify_ssl!: boolean;
  @ApiProperty() timeout!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_synced_at!: string | null;
  @ApiProperty({ enum: MLFLOW_SYNC_STATUSES, nullable: true }) last_sync_status!: MlflowSyncStatus | null;
  @ApiProperty({ type: String, nullable: true }) last_sync_message!: string | null;
  @ApiProperty({ type: MlflowSyncCountsDto, nullable: true }) last_sync_counts!: MlflowSyncCounts | null;
  @ApiProperty({ enum: ['success', 'failure'], nullable: true }) last_test_status!: MlflowTestStatus | null;
  @ApiProperty({ type: String, nullable: true }) last_test_message!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_tested_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) updated_at!: string;
}

export class MlflowTestResponseDto implements MlflowTestResponse {
  @ApiProperty() success!: boolean;
  @ApiProperty({ example: 'Connected: the Model Registry answered.' }) message!: string;
}
