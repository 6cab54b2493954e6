import { Injectable } from '@nestjs/common';
import { FieldError } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import { FrameworksRepository, ProjectsRepository } from '@model-inventory/server-projects';
import { EntityManager } from 'typeorm';

export interface RequestedLinks {
  projects?: number[];
  frameworks?: number[];
}

const distinctSorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** Checks that linked projects belong to the caller's organisation and frameworks exist; names the bad ids. */
@Injectable()
export class LinkValidator {
  constructor(
    private readonly frameworks: FrameworksRepository,
    private readonly projects: ProjectsRepository,
  ) {}

  async resolve(requested: RequestedLinks, manager: EntityManager): Promise<RequestedLinks> {
    const errors: FieldError[] = [];
    const projects = requested.projects && distinctSorted(requested.projects);
    const frameworks = requested.frameworks && distinctSorted(requested.frameworks);
    if (projects?.length) {
      const missing = await this.projects.missingIds(projects, manager);
      if (missing.length) errors.push({ field: 'projects', message: `unknown project ids: ${missing.join(', ')}` });
    }
    if (frameworks?.length) {
      const found = new Set((await this.frameworks.findByIds(frameworks, manager)).map((f) => f.id));
      const missing = frameworks.filter((id) => !found.has(id));
      if (missing.length) errors.push({ field: 'frameworks', message: `unknown framework ids: ${missing.join(', ')}` });
    }
    if (errors.length) throw new ValidationFailedError(errors);
    return { projects, frameworks };
  }
}
