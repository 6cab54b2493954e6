import { FrameworkResponse, ProjectResponse } from '@model-inventory/contracts';
import { FrameworkEntity } from './entities/framework.entity';
import { ProjectEntity } from './entities/project.entity';

export function toProjectResponse(project: ProjectEntity): ProjectResponse {
  return {
    id: project.id,
    organization_id: project.organization_id,
    name: project.name,
    description: project.description,
    frameworks: (project.frameworks ?? []).map((f) => f.id).sort((a, b) => a - b),
    created_at: project.created_at.toISOString(),
    updated_at: project.updated_at.toISOString(),
  };
}

export function toFrameworkResponse(framework: FrameworkEntity): FrameworkResponse {
  return { id: framework.id, name: framework.name, description: framework.description };
}
