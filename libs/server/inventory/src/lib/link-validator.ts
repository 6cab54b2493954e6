import { Injectable } from '@nestjs/common';
import { FieldError } from '@model-inventory/contracts';
import { ValidationFailedError } from '@model-inventory/server-core';
import { FrameworksRepository, ProjectsRepository } from '@model-inventory/server-projects';
import { EntityManager } from 'typeorm';

export interface RequestedLinks {
  projects?: number[];
  frameworks?: number[];
}

export const distinctSorted = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/** The 400 that names unknown project and framework ids, or null when none is unknown. */
export function unknownLinksError(missingProjects: number[], missingFrameworks: number[]): ValidationFailedError | null {
  const errors: FieldError[] = [];
  if (missingProjects.length) errors.push({ field: 'projects', message: `unknown project ids: ${missingProjects.join(', ')}` });
  if (missingFrameworks.length) errors.push({ field: 'frameworks', message: `unknown framework ids: ${missingFrameworks.join(', ')}` });
  return errors.length ? new ValidationFailedError(errors) : null;
}

/** Checks that linked projects belong to the caller's organisation and frameworks exist; names the bad ids. */
@Injectable()
export class LinkValidator {
  constructor(
    private readonly frameworks: FrameworksRepository,
    private readonly projects: ProjectsRepository,
  ) {}

  async resolve(requested: RequestedLinks, manager: EntityManager): Promise<RequestedLinks> {
    const projects = requested.projects && distinctSorted(requested.projects);
    const frameworks = requested.frameworks && distinctSorted(requested.frameworks);
    const missingProjects = projects?.length ? await this.projects.missingIds(projects, manager) : [];
    let missingFrameworks: number[] = [];
    if (frameworks?.length) {
      const found = new Set((await this.frameworks.findByIds(frameworks, manager)).map((f) => f.id));
      missingFrameworks = frameworks.filter((id) => !found.has(id));
    }
    const error = unknownLinksError(missingProjects, missingFrameworks);
    if (error) throw error;
    return { projects, frameworks };
  }
}
