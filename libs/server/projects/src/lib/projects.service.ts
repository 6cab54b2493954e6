import { Injectable } from '@nestjs/common';
import { FrameworkResponse, Page, ProjectResponse } from '@model-inventory/contracts';
import { ConflictError, ValidationFailedError } from '@model-inventory/server-core';
import { DataSource, EntityManager } from 'typeorm';
import { CreateProjectDto, ProjectListQueryDto, UpdateProjectDto } from './dto/project.dto';
import { FrameworkEntity } from './entities/framework.entity';
import { toFrameworkResponse, toProjectResponse } from './projects.mapper';
import { FrameworksRepository, ProjectsRepository } from './projects.repository';

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly frameworks: FrameworksRepository,
    private readonly projects: ProjectsRepository,
  ) {}

  async listFrameworks(): Promise<FrameworkResponse[]> {
    return (await this.frameworks.findAll()).map(toFrameworkResponse);
  }

  async list({ limit, offset, search }: ProjectListQueryDto): Promise<Page<ProjectResponse>> {
    const [rows, total] = await this.projects.findPage(limit, offset, search);
    return { items: rows.map(toProjectResponse), total, limit, offset };
  }

  async get(id: number): Promise<ProjectResponse> {
    return toProjectResponse(await this.projects.getById(id));
  }

  create(dto: CreateProjectDto): Promise<ProjectResponse> {
    return this.inTransaction(async (manager) => {
      const project = this.projects.build({ name: dto.name, description: dto.description ?? null }, manager);
      project.frameworks = await this.resolveFrameworks(dto.frameworks ?? [], manager);
      return toProjectResponse(await this.projects.save(project, manager));
    });
  }

  update(id: number, dto: UpdateProjectDto): Promise<ProjectResponse> {
    return this.inTransaction(async (manager) => {
      const project = await this.projects.getById(id, manager);
      if (dto.name !== undefined) project.name = dto.name;
      if (dto.description !== undefined) project.description = dto.description;
      if (dto.frameworks !== undefined) project.frameworks = await this.resolveFrameworks(dto.frameworks, manager);
      return toProjectResponse(await this.projects.save(project, manager));
    });
  }

  async remove(id: number): Promise<void> {
    await this.projects.getById(id);
    await this.projects.delete(id);
  }

  private async resolveFrameworks(ids: number[], manager: EntityManager): Promise<FrameworkEntity[]> {
    const found = await this.frameworks.findByIds(ids, manager);
    const unknown = ids.filter((id) => !found.some((f) => f.id === id));
    if (unknown.length > 0) throw ValidationFailedError.forField('frameworks', `unknown framework ids: ${unknown.join(', ')}`);
    return found;
  }

  private async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { driverError?: { constraint?: string } }).driverError?.constraint === 'uq_projects_org_name') {
        throw new ConflictError('A project with this name already exists.');
      }
      throw error;
    }
  }
}
