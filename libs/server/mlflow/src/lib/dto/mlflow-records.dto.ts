import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MLFLOW_SYNC_STATUSES,
  MlflowImportRequest,
  MlflowModelListQuery,
  MlflowModelRecordResponse,
  MlflowSyncCounts,
  MlflowSyncStartedResponse,
  MlflowSyncState,
  MlflowSyncStatus,
  MlflowSyncStatusResponse,
} from '@model-inventory/contracts';
import { CalendarDate, IdList, LowerCaseTrim, Optional, PageQueryDto, PageResponseDto, Text, Trim } from '@model-inventory/server-core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MlflowSyncCountsDto } from './mlflow-config.dto';

export class ListMlflowModelsDto extends PageQueryDto implements MlflowModelListQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'Part of the model name, description or run id.' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ example: 'Production', description: 'The version’s MLflow stage, exactly.' })
  @Optional()
  @IsString()
  @MaxLength(40)
  stage?: string;

  @ApiPropertyOptional({ description: 'true: only versions gone upstream; false: only those still in MLflow.' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'removed must be true or false' })
  removed?: boolean;
}

export class MlflowModelRecordResponseDto implements MlflowModelRecordResponse {
  @ApiProperty() id!: number;
  @ApiProperty() model_name!: string;
  @ApiProperty({ example: '3' }) version!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Production' }) lifecycle_stage!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'READY' }) status!: string | null;
  @ApiProperty({ type: [String] }) aliases!: string[];
  @ApiProperty({ type: String, nullable: true }) run_id!: string | null;
  @ApiProperty({ type: String, nullable: true }) run_status!: string | null;
  @ApiProperty() lineage_available!: boolean;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, nullable: true }) model_description!: string | null;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) tags!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) model_tags!: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'number' }, { type: 'string', enum: ['NaN'] }] } }) metrics!: Record<string, number | string>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) parameters!: Record<string, string>;
  @ApiProperty({ type: String, nullable: true }) experiment_id!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) mlflow_created_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) mlflow_updated_at!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) last_synced_at!: string;
  @ApiProperty() removed_upstream!: boolean;
  @ApiProperty({ type: Number, nullable: true }) inventory_model_id!: number | null;
  @ApiProperty() new_version_of_registered_model!: boolean;
  @ApiProperty({ type: String, nullable: true }) mlflow_url!: string | null;
}

export class MlflowModelRecordPageDto extends PageResponseDto(MlflowModelRecordResponseDto, 'MlflowModelRecordPage') {}

export class MlflowImportDto implements MlflowImportRequest {
  @ApiProperty({ example: 'jane.doe@company.com' })
  @LowerCaseTrim()
  @IsEmail({}, { message: 'approver must be an e-mail address' })
  @MaxLength(254)
  approver!: string;

  @ApiProperty({ example: '2026-01-17', format: 'date' })
  @CalendarDate()
  status_date!: string;

  @ApiProperty({ example: 'On-premises', maxLength: 200 })
  @Trim()
  @Text(200)
  hosting_provider!: string;

  @ApiPropertyOptional({ type: [String], description: 'Required unless the MLflow model has a `capabilities` tag (comma-separated).' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(100, { each: true })
  capabilities?: string[];

  @ApiPropertyOptional({ maxLength: 10000, description: 'Required unless the MLflow model has a `biases` tag.' })
  @Optional()
  @Trim()
  @Text(10000)
  biases?: string;

  @ApiPropertyOptional({ maxLength: 10000, description: 'Required unless the MLflow model has a `limitations` tag.' })
  @Optional()
  @Trim()
  @Text(10000)
  limitations?: string;

  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IdList()
  projects?: number[];

  @ApiPropertyOptional({ type: [Number] })
  @Optional()
  @IdList()
  frameworks?: number[];
}

export class MlflowSyncStartedResponseDto implements MlflowSyncStartedResponse {
  @ApiProperty() job_id!: string;
}

class MlflowSyncProgressDto {
  @ApiProperty() models!: number;
  @ApiProperty() versions!: number;
}

export class MlflowSyncStatusResponseDto implements MlflowSyncStatusResponse {
  @ApiProperty({ enum: ['idle', 'queued', 'running'] }) state!: MlflowSyncState;
  @ApiProperty({ type: String, nullable: true }) job_id!: string | null;
  @ApiProperty({ type: MlflowSyncProgressDto, nullable: true }) progress!: { models: number; versions: number } | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) last_synced_at!: string | null;
  @ApiProperty({ enum: MLFLOW_SYNC_STATUSES, nullable: true }) last_sync_status!: MlflowSyncStatus | null;
  @ApiProperty({ type: String, nullable: true }) last_sync_message!: string | null;
  @ApiProperty({ type: MlflowSyncCountsDto, nullable: true }) last_sync_counts!: MlflowSyncCounts | null;
}
