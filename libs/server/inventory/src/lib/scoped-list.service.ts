import { Injectable } from '@nestjs/common';
import { ModelInventoryResponse } from '@model-inventory/contracts';
import { JsonPage, NotFoundError } from '@model-inventory/server-core';
import { FrameworksRepository, ProjectsRepository } from '@model-inventory/server-projects';
import { ListModelInventoryDto } from './dto/list-model-inventory.dto';
import { InventoryService } from './inventory.service';

/** The seed's by-projectId / by-frameworkId lists: the ordinary list, narrowed to one link. */
@Injectable()
export class ScopedListService {
  constructor(
    private readonly frameworks: FrameworksRepository,
    private readonly inventory: InventoryService,
    private readonly projects: ProjectsRepository,
  ) {}

  async byProject(projectId: number, query: ListModelInventoryDto): Promise<JsonPage<ModelInventoryResponse>> {
    await this.projects.getById(projectId);
    return this.inventory.list(query, { project_id: projectId });
  }

  async byFramework(frameworkId: number, query: ListModelInventoryDto): Promise<JsonPage<ModelInventoryResponse>> {
    const [framework] = await this.frameworks.findByIds([frameworkId]);
    if (!framework) throw new NotFoundError('Framework', frameworkId);
    return this.inventory.list(query, { framework_id: frameworkId });
  }
}
