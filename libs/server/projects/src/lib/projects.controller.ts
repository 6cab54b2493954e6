import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiRoutes, FrameworkResponse, Page, ProjectResponse } from '@model-inventory/contracts';
import { ApiProblemDto, ApiStandardErrors, IdParam } from '@model-inventory/server-core';
import { CreateProjectDto, FrameworkResponseDto, ProjectListQueryDto, ProjectPageResponseDto, ProjectResponseDto, UpdateProjectDto } from './dto/project.dto';
import { ProjectsService } from './projects.service';

@ApiTags('projects')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.projects)
export class ProjectsController {
  constructor(private readonly projectsService: ProjectsService) {}

  @Get()
  @ApiOkResponse({ type: ProjectPageResponseDto })
  list(@Query() query: ProjectListQueryDto): Promise<Page<ProjectResponse>> {
    return this.projectsService.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProjectResponseDto })
  get(@IdParam() id: number): Promise<ProjectResponse> {
    return this.projectsService.get(id);
  }

  @Post()
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'A project with this name already exists.' })
  create(@Body() dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.projectsService.create(dto);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiConflictResponse({ type: ApiProblemDto, description: 'A project with this name already exists.' })
  update(@IdParam() id: number, @Body() dto: UpdateProjectDto): Promise<ProjectResponse> {
    return this.projectsService.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.projectsService.remove(id);
  }
}

@ApiTags('frameworks')
@ApiBearerAuth()
@ApiStandardErrors()
@Controller(ApiRoutes.frameworks)
export class FrameworksController {
  constructor(private readonly projectsService: ProjectsService) {}

  @Get()
  @ApiOkResponse({ type: [FrameworkResponseDto] })
  list(): Promise<FrameworkResponse[]> {
    return this.projectsService.listFrameworks();
  }
}
