import { ApiProperty } from '@nestjs/swagger';
import { ModelInventoryResponse, ModelStatus, SecurityAssessmentFile } from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';

export class SecurityAssessmentFileDto implements SecurityAssessmentFile {
  @ApiProperty() id!: number;
  @ApiProperty() filename!: string;
  @ApiProperty() size!: number;
  @ApiProperty() mimetype!: string;
  @ApiProperty({ format: 'date-time' }) upload_date!: string;
  @ApiProperty() uploaded_by!: number;
}

export class ModelInventoryResponseDto implements ModelInventoryResponse {
  @ApiProperty() id!: number;
  @ApiProperty() organization_id!: number;
  @ApiProperty({ example: 'OpenAI' }) provider!: string;
  @ApiProperty({ example: 'GPT-4' }) model!: string;
  @ApiProperty({ example: '1.0' }) version!: string;
  @ApiProperty({ example: 'john.doe@company.com' }) approver!: string;
  @ApiProperty({ type: [String] }) capabilities!: string[];
  @ApiProperty() security_assessment!: boolean;
  @ApiProperty({ enum: ModelStatus, enumName: 'ModelStatus' }) status!: ModelStatus;
  @ApiProperty({ format: 'date', example: '2025-01-17' }) status_date!: string;
  @ApiProperty() reference_link!: string;
  @ApiProperty() biases!: string;
  @ApiProperty() limitations!: string;
  @ApiProperty() hosting_provider!: string;
  @ApiProperty({ type: [SecurityAssessmentFileDto] }) security_assessment_data!: SecurityAssessmentFileDto[];
  @ApiProperty() is_demo!: boolean;
  @ApiProperty({ type: [Number] }) projects!: number[];
  @ApiProperty({ type: [Number] }) frameworks!: number[];
  @ApiProperty({ description: 'Its risks that are Open or In Progress (deleted risks do not count).' }) open_risk_count!: number;
  @ApiProperty({ description: 'Increases with every change; the ETag is derived from it.' }) version_number!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ModelInventoryPageResponseDto extends PageResponseDto(ModelInventoryResponseDto, 'ModelInventoryPageResponse') {}
