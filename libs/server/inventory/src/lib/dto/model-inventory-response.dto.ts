import { ApiProperty } from '@nestjs/swagger';
import { ModelInventoryResponse, ModelStatus, ModelStatusDecision, SecurityAssessmentFile, StatusDecider } from '@model-inventory/contracts';
import { PageResponseDto } from '@model-inventory/server-core';

export class SecurityAssessmentFileDto implements SecurityAssessmentFile {
  @ApiProperty() id!: number;
  @ApiProperty() filename!: string;
  @ApiProperty() size!: number;
  @ApiProperty() mimetype!: string;
  @ApiProperty({ format: 'date-time' }) upload_date!: string;
  @ApiProperty() uploaded_by!: number;
}

export class StatusDeciderDto implements StatusDecider {
  @ApiProperty({ type: Number, nullable: true, description: 'Null once the account is removed, or for the system.' }) id!: number | null;
  @ApiProperty({ example: 'Ada Reviewer' }) name!: string;
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
  @ApiProperty({ type: StatusDeciderDto, nullable: true, description: 'Who set the status to Approved, Restricted or Blocked last; null while Pending.' })
  approved_by!: StatusDeciderDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approved_at!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why, as the decider wrote it.' }) status_rationale!: string | null;
  @ApiProperty({ description: 'Increases with every change; the ETag is derived from it.' }) version_number!: number;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ format: 'date-time' }) updated_at!: string;
}

export class ModelInventoryPageResponseDto extends PageResponseDto(ModelInventoryResponseDto, 'ModelInventoryPageResponse') {}

export class ModelStatusDecisionDto implements ModelStatusDecision {
  @ApiProperty() id!: number;
  @ApiProperty() model_id!: number;
  @ApiProperty({ enum: ModelStatus, enumName: 'ModelStatus', nullable: true, description: 'Null for the status the model was created with.' }) from_status!: ModelStatus | null;
  @ApiProperty({ enum: ModelStatus, enumName: 'ModelStatus' }) to_status!: ModelStatus;
  @ApiProperty({ type: String, nullable: true }) rationale!: string | null;
  @ApiProperty({ type: StatusDeciderDto }) decided_by!: StatusDeciderDto;
  @ApiProperty({ format: 'date-time' }) decided_at!: string;
}

export class ModelStatusDecisionPageResponseDto extends PageResponseDto(ModelStatusDecisionDto, 'ModelStatusDecisionPageResponse') {}
