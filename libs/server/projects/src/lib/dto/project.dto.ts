import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateProjectRequest, FrameworkResponse, ProjectResponse, UpdateProjectRequest } from '@model-inventory/contracts';
import { IdList, Optional, PageQueryDto, PageResponseDto, PatchType, Trim } from '@model-inventory/server-core';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class FrameworkResponseDto implements FrameworkResponse {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'EU AI Act' })
  name!: string;

  @ApiProperty()
  description!: string;
}

export class ProjectResponseDto implements ProjectResponse {
  @ApiProperty()
  id!: number;

  @ApiProperty()
  organization_id!: number;

  @ApiProperty({ example: 'Customer support assistant' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ type: [Number], example: [1, 2] })
  frameworks!: number[];

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiProperty({ format: 'date-time' })
  updated_at!: string;
}

export class ProjectPageResponseDto extends PageResponseDto(ProjectResponseDto, 'ProjectPageResponse') {}

export class CreateProjectDto implements CreateProjectRequest {
  @ApiProperty({ maxLength: 200, example: 'Customer support assistant' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, maxLength: 5000, nullable: true, description: 'null clears it.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ type: [Number], description: 'Framework ids (GET /api/frameworks).', example: [1] })
  @Optional()
  @IdList(50)
  frameworks?: number[];
}

export class UpdateProjectDto extends PatchType(CreateProjectDto) implements UpdateProjectRequest {}

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive match on the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
