import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateModelInventoryRequest, ModelStatus, STATUS_RATIONALE_MAX_LENGTH, UpdateModelInventoryRequest } from '@model-inventory/contracts';
import { CalendarDate, IdList, LowerCaseTrim, Optional, PatchType, Text, Trim } from '@model-inventory/server-core';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsNotEmpty,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';
import { TrimEach } from './model-inventory-fields';

export class CreateModelInventoryDto implements CreateModelInventoryRequest {
  @ApiProperty({ example: 'OpenAI', maxLength: 200 })
  @Trim()
  @Text(200)
  provider!: string;

  @ApiProperty({ example: 'GPT-4', maxLength: 200 })
  @Trim()
  @Text(200)
  model!: string;

  @ApiProperty({ example: '1.0', maxLength: 100 })
  @Trim()
  @Text(100)
  version!: string;

  @ApiProperty({ example: 'john.doe@company.com', description: 'E-mail address of the accountable approver.' })
  @LowerCaseTrim()
  @IsEmail({}, { message: 'approver must be an e-mail address' })
  @MaxLength(254)
  approver!: string;

  @ApiProperty({ type: [String], example: ['text-generation', 'summarization'], minItems: 1, maxItems: 50 })
  @TrimEach()
  @IsArray()
  @ArrayNotEmpty({ message: 'capabilities must list at least one capability' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'capabilities must not contain empty entries' })
  @MaxLength(100, { each: true })
  capabilities!: string[];

  @ApiPropertyOptional({ default: false, description: 'Whether a security assessment was performed.' })
  @Optional()
  @IsBoolean()
  security_assessment?: boolean;

  @ApiPropertyOptional({ enum: ModelStatus, enumName: 'ModelStatus', default: ModelStatus.PENDING, description: 'Only Admins and Reviewers may set anything but Pending.' })
  @Optional()
  @IsEnum(ModelStatus, { message: `status must be one of: ${Object.values(ModelStatus).join(', ')}` })
  status?: ModelStatus;

  @ApiPropertyOptional({
    maxLength: STATUS_RATIONALE_MAX_LENGTH,
    example: 'Security assessment passed; approved for internal use only.',
    description: 'Why the status is set; only with `status` Approved, Restricted or Blocked. Sent with the current status, it records a re-approval.',
  })
  @Optional()
  @Trim()
  @Text(STATUS_RATIONALE_MAX_LENGTH)
  status_rationale?: string;

  @ApiProperty({ example: '2025-01-17', format: 'date' })
  @CalendarDate()
  status_date!: string;

  @ApiProperty({ example: 'https://docs.example.com', maxLength: 2048 })
  @Trim()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'reference_link must be an http(s) URL' })
  @MaxLength(2048)
  reference_link!: string;

  @ApiProperty({ example: 'Training data biases', maxLength: 10000 })
  @Trim()
  @Text(10000)
  biases!: string;

  @ApiProperty({ example: 'Context window limits', maxLength: 10000 })
  @Trim()
  @Text(10000)
  limitations!: string;

  @ApiProperty({ example: 'Cloud', maxLength: 200 })
  @Trim()
  @Text(200)
  hosting_provider!: string;

  @ApiPropertyOptional({ type: [Number], example: [1, 2], description: "Ids of the caller's organisation's projects." })
  @Optional()
  @IdList()
  projects?: number[];

  @ApiPropertyOptional({ type: [Number], example: [3], description: 'Framework ids (GET /api/frameworks).' })
  @Optional()
  @IdList()
  frameworks?: number[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    maxItems: 1000,
    description: "Ignored: the server keeps this list (the model's evidence files). Accepted so that the seed's example request works.",
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(1000)
  security_assessment_data?: unknown[];
}

export class UpdateModelInventoryDto extends PatchType(CreateModelInventoryDto) implements UpdateModelInventoryRequest {}

