import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CreateProjectRequest, FrameworkResponse, ProjectResponse, UpdateProjectRequest } from '@model-inventory/contracts';
import { PageQueryDto, PageResponseDto, Trim } from '@model-inventory/server-core';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';

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

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ type: [Number], description: 'Framework ids (GET /api/frameworks).', example: [1] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  frameworks?: number[];
}

export class UpdateProjectDto extends PartialType(CreateProjectDto) implements UpdateProjectRequest {}

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Case-insensitive match on the name.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}
